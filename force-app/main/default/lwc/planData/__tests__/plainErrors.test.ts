/** c/planData plainErrors: a server's error reaches a person as its own sentence or a plain one, never internals. */
import { errorMessage, graphQLErrorMessage, parseRecordError, plainMessage } from 'c/planData';

const SERVER =
  'Something went wrong on the server. Reload the page to try again; if it keeps happening, ask your Salesforce admin.';

describe('plain error messages', () => {
  it.each([
    'ERROR at Row:1:Column:121',
    "INVALID_QUERY_FILTER_OPERATOR: SELECT Id FROM Partner_Account_Plan__c WHERE Id = 'x'",
    'INVALID_FIELD: Actor__r',
    "TypeError: Cannot read properties of undefined (reading 'fields')",
    '{"errorCode":"UNKNOWN_EXCEPTION"}',
  ])('reads %j as a plain sentence', (message) => {
    expect(plainMessage(message)).toBe(SERVER);
  });

  it("keeps Salesforce's sentence, without the error code before it", () => {
    expect(plainMessage('No such column Previous_Plan__c')).toBe('No such column Previous_Plan__c');
    expect(plainMessage('Insufficient access rights on cross-reference id')).toBe(
      'Insufficient access rights on cross-reference id',
    );
    expect(
      plainMessage('FIELD_CUSTOM_VALIDATION_EXCEPTION: A plan can become Active only from its period start.'),
    ).toBe('A plan can become Active only from its period start.');
  });

  it('says a request that got no answer failed', () => {
    expect(plainMessage('Failed to fetch')).toBe('The request to the server failed.');
  });

  it('applies to GraphQL errors and record errors, each sentence once; field errors stay on their fields', () => {
    expect(
      graphQLErrorMessage({
        data: undefined,
        errors: [{ message: 'ERROR at Row:1:Column:12' }, { message: 'INVALID_FIELD: Target_Value__c' }],
      }),
    ).toBe(SERVER);
    const error = {
      status: 400,
      body: [
        { errorCode: 'MALFORMED_ID', message: "MALFORMED_ID: Partner_Account_Plan__c id value of incorrect type: x'" },
      ],
    };
    expect(errorMessage(error)).toBe(SERVER);
    const validation = {
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record.',
        output: { errors: [], fieldErrors: { Status__c: [{ message: 'Only the owner can close the plan.' }] } },
      },
    };
    expect(parseRecordError(validation)).toEqual({
      fieldErrors: { Status__c: ['Only the owner can close the plan.'] },
      messages: [],
    });
  });
});

/**
 * Products and prices: products, price books, their entries (a product's price in a price book) and
 * opportunity products (line items), whose TotalPrice the platform computes from Quantity and UnitPrice.
 */
import type { ObjectModel } from '../types';
import { checkbox, currency, lookup, nameField, picklistField, standardObject, text } from './common';

export function productObjects(): ObjectModel[] {
  return [
    standardObject('Product2', 'Product', 'Products', '01t', 'ReadWrite', false, {
      Name: nameField('Product Name', 255),
      ProductCode: text('Product Code', 255),
      Description: { type: 'TextArea', label: 'Product Description', length: 4000 },
      Family: picklistField('Product Family', ['None'], { length: 255 }),
      IsActive: checkbox('Active'),
      QuantityUnitOfMeasure: picklistField('Quantity Unit Of Measure', ['Each'], { length: 255 }),
    }),
    standardObject('Pricebook2', 'Price Book', 'Price Books', '01s', 'ReadWrite', false, {
      Name: nameField('Price Book Name', 255),
      Description: text('Description', 255),
      IsActive: checkbox('Active'),
      // The org's standard price book is the platform's; API writes cannot make one.
      IsStandard: checkbox('Is Standard Price Book', { systemManaged: true }),
    }),
    standardObject('PricebookEntry', 'Price Book Entry', 'Price Book Entries', '01u', 'ReadWrite', false, {
      Pricebook2Id: lookup('Price Book ID', 'Pricebook2', 'Pricebook2', {
        required: true,
        createOnly: true,
        deleteConstraint: 'Restrict',
      }),
      Product2Id: lookup('Product ID', 'Product2', 'Product2', {
        required: true,
        createOnly: true,
        deleteConstraint: 'Restrict',
      }),
      UnitPrice: currency('List Price', { required: true }),
      IsActive: checkbox('Active'),
      UseStandardPrice: checkbox('Use Standard Price'),
    }),
    // Controlled by the opportunity: seeing or editing the opportunity sees or edits its products.
    standardObject(
      'OpportunityLineItem',
      'Opportunity Product',
      'Opportunity Product',
      '00k',
      'ControlledByParent',
      false,
      {
        OpportunityId: {
          type: 'MasterDetail',
          label: 'Opportunity ID',
          referenceTo: ['Opportunity'],
          relationshipName: 'Opportunity',
          required: true,
          createOnly: true,
        },
        PricebookEntryId: lookup('Price Book Entry ID', 'PricebookEntry', 'PricebookEntry', {
          required: true,
          createOnly: true,
          deleteConstraint: 'Restrict',
        }),
        Product2Id: lookup('Product ID', 'Product2', 'Product2', { createOnly: true, deleteConstraint: 'Restrict' }),
        Quantity: { type: 'Number', label: 'Quantity', precision: 12, scale: 2, required: true },
        // Give UnitPrice or TotalPrice, not both: the platform computes the other (TotalPrice = Subtotal less Discount).
        UnitPrice: currency('Sales Price'),
        TotalPrice: currency('Total Price'),
        Discount: { type: 'Percent', label: 'Discount', precision: 18, scale: 2 },
        // The price book entry's price, and Quantity * UnitPrice before the discount: both the platform's.
        ListPrice: currency('List Price', { systemManaged: true }),
        Subtotal: currency('Subtotal', { systemManaged: true }),
        ServiceDate: { type: 'Date', label: 'Date' },
        Description: text('Line Description', 255),
      },
    ),
  ];
}

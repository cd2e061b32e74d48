/**
 * Golden hashes of the generated seed dataset, one per record type: the same seed, scale, as-of date and fiscal
 * calendar must give exactly the same records, so a refactoring of the generator cannot shift the random
 * sequence unnoticed, and a new generator (each draws from its own labelled stream) cannot shift another's.
 * A change to a hash is a change to everyone's demo data and benchmark inputs. Changed on purpose so far: the
 * plan shares (the access job shares plans with the people accountable on their targets, so the generated
 * Manual shares are only those of the other AEs who own the partner's deals), and the targets (plans gained
 * targets over the partner programme's metrics: enablement, units sold, leads, campaigns, funds; the targets
 * the plans had before hash as they did, see below). The programme's record types (people, credentials,
 * leads and their conversions, campaigns and members, tasks, events, products, price book entries, line items,
 * fund allocations, requests and claims) were added with their own hashes. The partner's side changed the
 * accounts (partner accounts are partner-enabled, IsPartner, and owned by their partner manager) and the
 * sections (whether the partner sees them), and added the partner users and the plan comments with their own
 * hashes. The opportunities changed their names only ("Customer – Product FY2027 Q1", told apart within an
 * account), drawn as before.
 */
import { createHash } from 'node:crypto';
import { generateDataset, type SeedDataset } from '../../packages/jobs/seed/generate';
import { PROGRAMME_METRICS } from '../../packages/jobs/seed/programme-targets';
import { parseScale } from '../../packages/jobs/seed/scales';

interface GoldenCase {
  seed: number;
  scale: string;
  asOf: string;
  fiscalYearStartMonth: number;
  partnersPerChunk: number;
  sha256: Record<string, string>;
}

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The programme's targets, told apart from the plans' earlier targets by their metric. */
const PROGRAMME_TARGETS = new Set<string>(PROGRAMME_METRICS);

/** One hash per record type (chunks flattened: the data does not depend on chunking, seed.test.ts checks). */
function hashes(dataset: SeedDataset, partnersPerChunk: number): Record<string, string> {
  const { programme: _volumes, ...scale } = dataset.options.scale;
  const out: Record<string, string> = {
    meta: sha({
      keyPrefix: dataset.keyPrefix,
      options: { ...dataset.options, scale },
      users: dataset.users,
      estimate: dataset.estimate,
    }),
  };
  for (const level of dataset.levels) {
    if (level.sobject === 'Plan_Target__c') {
      const isProgramme = (r: { fields: Record<string, unknown> }) => PROGRAMME_TARGETS.has(String(r.fields.Metric__c));
      out.Plan_Target__c = sha(level.records.filter((r) => !isProgramme(r)));
      out['Plan_Target__c (programme)'] = sha(level.records.filter(isProgramme));
    } else {
      out[level.sobject] = sha(level.records);
    }
  }
  const chunks = [...dataset.chunks(partnersPerChunk)];
  out.Opportunity = sha(chunks.flatMap((c) => c.opportunities));
  out['APR_Action__c (opportunities)'] = sha(chunks.flatMap((c) => c.actions));
  out.planShares = sha(chunks.flatMap((c) => c.planShares));
  for (const { sobject } of chunks[0].programme)
    out[`${sobject} (programme)`] = sha(
      chunks.flatMap((c) => c.programme.filter((l) => l.sobject === sobject).flatMap((l) => l.records)),
    );
  out.leadConversions = sha(chunks.flatMap((c) => c.leadConversions));
  out.partnerUsers = sha(dataset.partnerUsers);
  out.Plan_Comment__c = sha(dataset.comments);
  return out;
}

const CASES: GoldenCase[] = [
  {
    seed: 42,
    scale: 'small',
    asOf: '2026-11-25',
    fiscalYearStartMonth: 1,
    partnersPerChunk: 4,
    sha256: {
      meta: 'd099989a88a3b7323c6c47562cbc2f00907818d0932bef39f4fea57681c66d53',
      Account: 'd24703b846db080c13ac53c81d4dfdf3d562d9e92fd7988ecea322595ab5483e',
      Contact: '2654d5aaf177ab139f352d5e4ab8d5a98920ad19ff14d9adbd1696d9b7557bee',
      Partner_Account_Plan__c: '561d8d8af8b4d5e197de90accb9082b748d61e4ca550e1eabedb7901fdb8ddd1',
      Plan_Section__c: 'd44f2c6c1863a09c1d03c5debb38e66a5aa78157ab32801c8790b4e7a4e1e339',
      Plan_Target__c: 'dcfdcc2d05fb6a580ccab598ef57fe319df0880bacba5d27eb7d5672cfedce79',
      'Plan_Target__c (programme)': '11992b48d46f6f6927a9950c1ba588400cb0936456bd9854e9ea1d6bfd491123',
      APR_Action__c: 'ae05a4692a6465f477a7432e137765ffe1e7171f8a552bea1a6384e527c3c8a8',
      Product2: '43ab0425a1baa503fc030ef6b4f7af34dc760d0d94aaf1ee28ccd3bb92375bf5',
      PricebookEntry: '8253a09dfa01101bfeea4b61d922e57368625001948490f614d4ef16f6982c61',
      Opportunity: '371bdcdee3de969a39c26c601aa9d95620518e235b31787d6ae25e8091cc7880',
      'APR_Action__c (opportunities)': '8fa64e1e3e422c5ae2686b545a6b153cec382ee3c140c296453e00d82aee53b3',
      planShares: '26636125e7d280980aa13ea8ff9bc0dd85231a90d621f2974c8931feebe5b53a',
      'Contact (programme)': 'd305d74f1c1b76cf2422ba093835df86225bb64f6d4b30564563970c0e95d492',
      'Partner_Credential__c (programme)': '0d713d7bba81510ba30622c3cdb40dbf189be0181c34d42e0d9a6fb3ed1d647a',
      'Lead (programme)': 'ca65eea4c27d30761c4e057b738b7884430c9b9b4b2049cc6350f39f607bc049',
      'Campaign (programme)': '2bf69bfef99945e0cc0c9da0805910edcd980caca7ccd1d587b02f3d883d96d7',
      'CampaignMember (programme)': 'f6fff6b37b45620265f6fa6a5d1107afac13762da2d07ae32b0c8bae84277642',
      'Task (programme)': '6ef03e769df396360551daa590056539f196571ccacef146c58d72c06901d010',
      'Event (programme)': 'd7c5214fbc8b7a1eea9f43ff4b2c69b794595d60060133d80b6d4994f100a0c2',
      'OpportunityLineItem (programme)': '4cc0a57a03c565551a6885df5fe94b84cbb91ae4a5f27d3da06ede401cc576ab',
      'Fund_Allocation__c (programme)': 'b0b54d6350ca937eefe074bf0b017d36ee705d52378a09367f5cba0f5d024c95',
      'Fund_Request__c (programme)': '28a055b40264fc2eebf04c10e00e672f26f46dc65b66ea47b6e5af08f2ab78b3',
      'Fund_Claim__c (programme)': 'a0e70c884fa9e594991ca6cd13c0685a3208a66700058b212a3b79bbdc64892a',
      partnerUsers: 'aafecdb18c18cd064cc4b31fc834fd452bd2f9c9ec546d60c4d5e8c9706b63cb',
      Plan_Comment__c: 'e04050341c35e8d0febb576c83000da6adc28d0e1d3294ef1b9662b9d7317f0e',
      leadConversions: 'c56f81a992c63a480153de0b54fef37212fca51ab9ed4513b4ae449d19ff7bb6',
    },
  },
  {
    seed: 7,
    scale: 'medium',
    asOf: '2026-11-25',
    fiscalYearStartMonth: 1,
    partnersPerChunk: 25,
    sha256: {
      meta: '0528c9f45f5322e2a7777e0144863558af72260b1253b4fabe5170448e10db8c',
      Account: '4c87cb52260d03644feedcc64a2d5a35ead85d7b7b7639d90e32c8c53a6da998',
      Contact: '222ded53f3bfa7ccdd1c8f08ddbf091f404708b2334cb866701fef25048bbc9c',
      Partner_Account_Plan__c: '32365aa45167d1618a5a4813aafdb1bff5ab4875b92c86272462e38bee9d75c1',
      Plan_Section__c: '5844e31a2c082a96c2cbb705faa8a290569210112854bef448d3533adf3f9aea',
      Plan_Target__c: '34be6e8a6aaed830e60280fac287cac15ddcf4d81e8a3d210d3690fe88083543',
      'Plan_Target__c (programme)': '4f867a7f427de3787dcb6176b97a089375979273bc2f740b782138b1c47e696b',
      APR_Action__c: '0835850c59d8a3f385712175c6abfccc403e21b19d9df024709821cfe0ebbeb1',
      Product2: '583964534f598d27462c4b8ddc256185e3c9289bf54f275221e079640ec04626',
      PricebookEntry: 'ae7fbdc02bfda3bd954dad9991dd281d063fe7e736ae9eb48353c963b5f39e04',
      Opportunity: '3b9d20c9b4910e9b41b4c2a5051e0a51c209aac5566e658cf5ed3664d1d0030a',
      'APR_Action__c (opportunities)': '3af5c0c98d9c0b77359ce54b56731653bfdb170ea23b7efe0efdc4566b35c582',
      planShares: 'e2170c72423e076d56530eebd1ef11228ba9725bb2494f46a671fa7c4039496d',
      'Contact (programme)': 'eb41549d8d7e6d97a7ae6e0de20077572e631430310c07a66615848e3084c080',
      'Partner_Credential__c (programme)': 'fc6bbb695414170878107f0604900894122428ea92839cebbe458464fe619891',
      'Lead (programme)': '870c48a06b79bb1eb7841cca1b3682cdae5bf1b326599cf7bd8c0cd9a5c27736',
      'Campaign (programme)': '644f838ebb18e3d0579bc12cb2b43a70cea2bc7fa53d8ca482e41b063b50b15d',
      'CampaignMember (programme)': '16ee1548ea388585d7026f1799269d4baf64946fbd5a630948d477ada5ec0680',
      'Task (programme)': 'c461a585ac5b046c7da11cbddba67ace61d0eb040e94b53eee60b310dc6cbe65',
      'Event (programme)': 'fae9312c3782b9a6ddb59944ec6875324a7367417a7c1d55e54af6a56fb1f5b9',
      'OpportunityLineItem (programme)': '04b5ee803a26d2b4b2f4176e2e14fd07ce998bcf927d64ca149411856088e5c2',
      'Fund_Allocation__c (programme)': 'bf364ba0599c41a0f938a3e153b0c92c382adcc5f3ae63688398865a65f1e6c1',
      'Fund_Request__c (programme)': 'fd041cf1fc098771033ccb9d929faf2c8f915f253914a5eed267d5e61471c9c6',
      'Fund_Claim__c (programme)': 'e5f444778d5dacf48c0ce84c0465b71f2211da1bcc3872d71bb259a614cd498b',
      partnerUsers: 'e9cf01998b8195d832d5a5ccad519fc1f58e47907072b9e198f7ebbefbca4f3c',
      Plan_Comment__c: '5bb81b777971f1f3121eb8169fa3cc2c112dc75ad8667d70116e14b343258d09',
      leadConversions: '609514dc9bc4ff16b6409956f455aefddfc13fc6e4dc79614b8ebe97b3fa6876',
    },
  },
  // A fiscal year starting in April and a partner count that is not a named scale.
  {
    seed: 2024,
    scale: '37',
    asOf: '2025-02-14',
    fiscalYearStartMonth: 4,
    partnersPerChunk: 10,
    sha256: {
      meta: 'da0a6f5980ccba9e7b1e2b9ceb40570952169022b5b7332e2d4ab169ba49682e',
      Account: 'b9971d920c0d364d9bae6ce621e872df1f43fc668405a5b5eb1feafe9e2ba301',
      Contact: 'd55a3b63d76c7db9478356ca00ea7b8dd88e7fc5d2b90ff789e5dbea82c1dadb',
      Partner_Account_Plan__c: '73dbaa9ac9c19d3bf028c19d5385bccc2b39b981f36c23ba97c664dcbdc7537b',
      Plan_Section__c: '9cc248adb4dd90310df35de107c2ab1372cb889a3c9222ccdca6beb8a786d6fb',
      Plan_Target__c: '21145c6be455820f9241cd8ab44c352fd106daee2ebe295224039ab01d500994',
      'Plan_Target__c (programme)': '3cb7b26eb498f1a20dbd21f12985e0859975390ca4b7db533cb6aab1bfc973d3',
      APR_Action__c: '8613803282ba73181bcfb459c5a33912a5860608e5cb8b36f27d2cd9dc69ebe5',
      Product2: 'a1f373c962b56b9e23dd73f28efceb5380aa8c975ca8d0276e2b703655066d82',
      PricebookEntry: '9ca84644a9690aa8b2ae45b214e473f2fbe37897853f63e57a3a1627a39c7b84',
      Opportunity: '7d0226bf6ca1eec6ce52c98d3b6a427fba67b2c142e87f6324347bbf3252be59',
      'APR_Action__c (opportunities)': '1c094c601a73f55c6ef2ab0dd2656c15ab4b6aed361d8f836a31d52c32aee2ae',
      planShares: '04da5e8f35150ed6252c12fa85c75d66f19f6acb1ab846e930d587947d9d895e',
      'Contact (programme)': 'de935546764864384085a5858b24a24b66cdb13858d3ac25c5f7fdc42f9bfc86',
      'Partner_Credential__c (programme)': '69e2f9384312d976d8d0e94f9f81084ee249d1369ee7cdcc6b6b7233c53d0cf5',
      'Lead (programme)': '43f96e5f67f9778c4610b1cc800afcb0dc8b6abb463cbbb5e969f3ae3697c6ea',
      'Campaign (programme)': 'fcb5e65431c7a4027b8c772391c19a2f9c75b4e2f958a9d186d311464de4439c',
      'CampaignMember (programme)': '3a32c6098d7ad65facc7295b4ea9949129d1893d8e1edbdbb1b848db6b5b28f1',
      'Task (programme)': '8aa0771e2ab25b95080c99b98d7cb049cebb72b5cc5528d8bbab0842fc068d89',
      'Event (programme)': '8047284c526045d4a2741cdb76af8d7bf0914e5254be762b0af84557068a099a',
      'OpportunityLineItem (programme)': '61997b781d372213c5e9153d14e838d64436211f5bbb571573bb8e9309d818a9',
      'Fund_Allocation__c (programme)': '2dfec84f89be437a44e7ea2ec2df7fd1cc6cf8ea46fe1c2d2fdaeb372e2749bc',
      'Fund_Request__c (programme)': '72bcc9905bbab26d6751b7f16ed776e465daf3ebaad4de73b68a2fdcbf6cc76e',
      'Fund_Claim__c (programme)': '874ee2573264531cadeec7da474ae6fc5a627b7ea6060365c7e8708de88da5d0',
      partnerUsers: 'bb5865889d9c54ad88aa17431bfb662417a2b99134642c038d34cfd8c5982959',
      Plan_Comment__c: '30b23640f19ab5d953f002c5f407c442fd95b495bb2f6708ef27f635332ba067',
      leadConversions: '0090781448163bd02b503960e25a0921aabff4779b3ce9f8878698cbe774c880',
    },
  },
];

describe('generated dataset golden hashes', () => {
  it.each(CASES)('seed $seed, scale $scale, as of $asOf, FY from month $fiscalYearStartMonth', (golden) => {
    const dataset = generateDataset({
      seed: golden.seed,
      scale: parseScale(golden.scale),
      asOf: golden.asOf,
      fiscalYearStartMonth: golden.fiscalYearStartMonth,
    });
    expect(hashes(dataset, golden.partnersPerChunk)).toEqual(golden.sha256);
  });
});

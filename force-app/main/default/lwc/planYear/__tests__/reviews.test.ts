import { nextReviewDate, reviewReminder } from 'c/planYear';

describe('nextReviewDate', () => {
  it('adds the cadence in months', () => {
    expect(nextReviewDate('2027-01-15', 'Monthly', null)).toBe('2027-02-15');
    expect(nextReviewDate('2027-01-15', 'Quarterly', null)).toBe('2027-04-15');
    expect(nextReviewDate('2027-01-15', 'Semi-Annual', null)).toBe('2027-07-15');
    expect(nextReviewDate('2027-03-15', 'Annual', '2028-12-31')).toBe('2028-03-15');
  });

  it("clamps to a month's end: Jan 31 + 1 month is Feb 28, or 29 in a leap year", () => {
    expect(nextReviewDate('2027-01-31', 'Monthly', '2027-12-31')).toBe('2027-02-28');
    expect(nextReviewDate('2028-01-31', 'Monthly', null)).toBe('2028-02-29');
    expect(nextReviewDate('2026-11-30', 'Quarterly', null)).toBe('2027-02-28');
    expect(nextReviewDate('2027-08-31', 'Semi-Annual', null)).toBe('2028-02-29');
  });

  it('reads a blank or unknown cadence as Quarterly', () => {
    expect(nextReviewDate('2027-01-15', null, null)).toBe('2027-04-15');
    expect(nextReviewDate('2027-01-15', 'Weekly', null)).toBe('2027-04-15');
  });

  it("is null after the plan's period end, and the end itself still counts", () => {
    expect(nextReviewDate('2027-11-15', 'Quarterly', '2027-12-31')).toBeNull();
    expect(nextReviewDate('2027-10-31', 'Monthly', '2027-11-30')).toBe('2027-11-30');
  });
});

describe('reviewReminder', () => {
  it('is due a week before the review, named by the review date', () => {
    expect(reviewReminder('2027-04-20', '2027-04-01')).toEqual({
      subject: 'QBR reminder: review on 2027-04-20',
      activityDate: '2027-04-13',
    });
    expect(reviewReminder('2027-03-03', '2027-02-01').activityDate).toBe('2027-02-24');
    expect(reviewReminder('2028-03-05', '2028-01-01').activityDate).toBe('2028-02-27');
  });

  it('takes another lead time', () => {
    expect(reviewReminder('2027-04-20', '2027-04-01', 14).activityDate).toBe('2027-04-06');
    expect(reviewReminder('2027-04-20', '2027-04-01', 0).activityDate).toBe('2027-04-20');
  });

  it('is due today, never earlier, when made late', () => {
    expect(reviewReminder('2027-04-20', '2027-04-16').activityDate).toBe('2027-04-16');
    expect(reviewReminder('2027-04-20', '2027-04-13').activityDate).toBe('2027-04-13');
    expect(reviewReminder('2027-04-20', '2027-04-25').activityDate).toBe('2027-04-25');
  });

  it('has the same subject whenever it is made, so (plan, subject) finds it again', () => {
    expect(reviewReminder('2027-04-20', '2027-04-01').subject).toBe(reviewReminder('2027-04-20', '2027-04-18').subject);
  });
});

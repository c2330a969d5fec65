import { MappingColumnsError } from './ingest.errors';
import { assertMappedColumnsExist } from './mapping-columns';

describe('assertMappedColumnsExist', () => {
  const mapping = {
    columns: {
      external_id: 'Ticket',
      type: 'Type',
      channel: 'Channel',
      opened_at: 'Date received',
      reason_text: 'Comment',
    },
  };

  it('refuses a mapping whose required column the header lacks, naming it and the columns there are', () => {
    const check = () =>
      assertMappedColumnsExist('claims', mapping, ['Ticket', 'Type', 'Channel', 'Comment']);
    expect(check).toThrow(MappingColumnsError);
    expect(check).toThrow(
      'The mapping names a column the file does not have: "Date received" (for opened_at, which is required). ' +
        'The file\'s columns are "Ticket", "Type", "Channel", "Comment".',
    );
  });

  it('lets an optional column be absent, and a required one when the field has a default', () => {
    expect(() =>
      assertMappedColumnsExist('claims', mapping, ['Ticket', 'Type', 'Channel', 'Date received']),
    ).not.toThrow();
    expect(() =>
      assertMappedColumnsExist('claims', { ...mapping, defaults: { channel: 'email' } }, [
        'Ticket',
        'Type',
        'Date received',
      ]),
    ).not.toThrow();
  });
});

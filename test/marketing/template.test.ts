import { describe, expect, it } from 'vitest';
import type { ContactsTable } from '../../src/db/schema-crm.js';
import { checkTemplate, renderTemplate } from '../../src/marketing/campaigns/template.js';

const contact = (over: Partial<ContactsTable> = {}): ContactsTable => ({
  id: 'con_1', workspace_id: 'ws_1', mode: 'test', name: 'Ada King Lovelace', email: 'ada@example.com', emails: '[]', phones: '[]',
  company_id: null, company_name: 'Analytical', title: 'Countess', notes: null, custom_fields: '{"tier":"vip"}', archived_at: null,
  created_at: '', updated_at: '', ...over,
});

describe('SMS campaign templates', () => {
  it('fills contact fields, custom fields and fallbacks', () => {
    expect(renderTemplate('Hi {{first_name}} {{last_name}} ({{name}}), {{company_name}}/{{title}}/{{email}} {{custom_fields.tier}}', contact()))
      .toBe('Hi Ada Lovelace (Ada King Lovelace), Analytical/Countess/ada@example.com vip');
    expect(renderTemplate('Hi {{ first_name | there }}! {{custom_fields.missing|friend}} {{last_name}}', contact({ name: 'Cher', custom_fields: '{}' }))).toBe('Hi Cher! friend');
    expect(renderTemplate('{{company_name|your team}} rocks', contact({ company_name: null }))).toBe('your team rocks');
    expect(renderTemplate('No variables, {braces} kept', contact())).toBe('No variables, {braces} kept');
  });

  it('refuses variables a contact cannot fill, and unclosed ones', () => {
    expect(() => checkTemplate('Hi {{first_name}} {{custom_fields.tier}} {{name|x}}')).not.toThrow();
    const err = (t: string) => {
      try {
        checkTemplate(t);
      } catch (e) {
        return (e as { details: unknown }).details;
      }
      return null;
    };
    expect(err('Hi {{nickname}} and {{Phone}}')).toEqual([
      { field: 'body_template', error: 'unknown_variable', received: '{{nickname}}' },
      { field: 'body_template', error: 'unknown_variable', received: '{{Phone}}' },
    ]);
    expect(err('Hi {{first_name')).toEqual([{ field: 'body_template', error: 'unclosed_variable' }]);
  });
});

import type { ContactsTable } from '../../db/schema-crm.js';
import { ApiError, type ErrorDetail } from '../../errors.js';

// SMS campaign body templates: `{{first_name}}` and friends, filled from the contact, with an
// optional fallback for contacts that lack the field: `Hi {{first_name|there}}!`.
// Hand-written rather than a template engine: one flat substitution, no logic, no HTML escaping.

const VARIABLE = /\{\{\s*([^|{}\s]+)\s*(?:\|([^{}]*))?\}\}/g;
const NAMES = ['name', 'first_name', 'last_name', 'email', 'company_name', 'title'] as const;

export const TEMPLATE_HELP = `Variables: ${NAMES.map((n) => `{{${n}}}`).join(', ')}, {{custom_fields.KEY}}; a fallback after a bar: {{first_name|there}}.`;

/** 422 naming every variable the template uses that a contact cannot fill. */
export function checkTemplate(template: string, field = 'body_template'): void {
  const details: ErrorDetail[] = [];
  for (const m of template.matchAll(VARIABLE)) {
    const name = m[1]!;
    if (!(NAMES as readonly string[]).includes(name) && !/^custom_fields\.[^.]+$/.test(name)) details.push({ field, error: 'unknown_variable', received: `{{${name}}}` });
  }
  const stray = template.replace(VARIABLE, '');
  if (/\{\{|\}\}/.test(stray)) details.push({ field, error: 'unclosed_variable' });
  if (details.length > 0) throw new ApiError('validation_error', `body_template has variables no contact can fill. ${TEMPLATE_HELP}`, details);
}

function valueOf(contact: ContactsTable, name: string): string {
  const words = contact.name.trim().split(/\s+/);
  switch (name) {
    case 'name':
      return contact.name.trim();
    case 'first_name':
      return words[0] ?? '';
    case 'last_name':
      return words.length > 1 ? words[words.length - 1]! : '';
    case 'email':
      return contact.email ?? '';
    case 'company_name':
      return contact.company_name ?? '';
    case 'title':
      return contact.title ?? '';
    default: {
      if (!name.startsWith('custom_fields.')) return '';
      const key = name.slice('custom_fields.'.length);
      return (JSON.parse(contact.custom_fields) as Record<string, string>)[key] ?? '';
    }
  }
}

export function renderTemplate(template: string, contact: ContactsTable): string {
  return template.replace(VARIABLE, (_m, name: string, fallback: string | undefined) => valueOf(contact, name) || (fallback ?? '').trim()).trim();
}

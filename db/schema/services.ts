import { boolean, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { localized } from './types';

export const services = pgTable('services', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: localized('name').notNull(),
  description: localized('description').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  /** The fee as the office words it ("37,50 €; unter 24 Jahren 37,50 €"), in both languages; null where none is entered. */
  fee: localized('fee'),
});

/** Something to bring; with `formUrl` it is a form to fill in beforehand. Shared by services, so lists de-duplicate. */
export const documents = pgTable('documents', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: localized('name').notNull(),
  hint: localized('hint'),
  formUrl: text('form_url'),
});

export const serviceDocuments = pgTable('service_documents', {
  serviceId: integer('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  position: integer('position').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.serviceId, t.documentId] })]);

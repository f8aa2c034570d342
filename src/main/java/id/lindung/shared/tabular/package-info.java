/**
 * Uploaded tables read row by row as text cells, CSV (our own RFC 4180 tokenizer with a cap on field length) and
 * XLSX (fastexcel-reader, streamed) alike; shared by the KUR and sponsorship imports.
 */
package id.lindung.shared.tabular;

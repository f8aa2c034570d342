/**
 * Uploaded tables read row by row as text cells, CSV (our own RFC 4180 tokenizer with a cap on field length) and
 * XLSX (fastexcel-reader, streamed, after the upload passed {@code XlsxLimits}) alike; shared by the KUR,
 * contribution-history and sponsorship imports. And the other direction: {@code CsvWriter}, through which every CSV
 * export is written (RFC 4180, formula cells neutralised).
 */
package id.lindung.shared.tabular;

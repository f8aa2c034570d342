/**
 * Tables in and out. In: uploaded tables read row by row as text cells, CSV (our own RFC 4180 tokenizer with a cap on
 * field length, the one CSV reader of Lindung, also behind the rule files) and XLSX (fastexcel-reader, streamed,
 * after the upload passed {@code XlsxLimits}) alike; {@code StagingFileReader} streams the KUR and
 * contribution-history uploads into staging tables. Out: {@code CsvWriter}, through which every CSV export is written
 * (RFC 4180, formula cells neutralised), and {@code CopyText}, the one writer of PostgreSQL's COPY text format.
 */
@org.jspecify.annotations.NullMarked
package id.lindung.shared.tabular;

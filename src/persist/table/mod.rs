//! Reading spreadsheets to import people, work, leave and holidays: a CSV
//! file or cells copied from Excel, Google Sheets or Numbers (which arrive
//! as tab-separated text) read into a [`Table`], its header matched to the
//! fields Opsboard understands ([`match_columns`], [`guess_sheet`]), and the
//! readers of the cells the import needs: dates, hours, percentages, skill
//! levels, certifications and working days.
//!
//! This layer only reads: nothing here knows a plan. The import builds on
//! it, shows what it matched and turns the rows into commands. Every
//! function takes text a person wrote and answers with a message they can
//! act on, never a panic.

use std::collections::HashSet;

use super::csv::{column_name, CsvProblem};
use super::read::shown;
use crate::engine::validate::thousands;
use crate::model::{NaiveDate, Weekday, MAX_SKILL_LEVEL, WEEKDAYS};

mod cells;
mod columns;

pub use cells::*;
pub use columns::*;

/// A table has at most this many rows below its header.
pub const MAX_ROWS: usize = 50_000;
/// A row has at most this many cells; empty cells past the last one (a
/// spreadsheet's padding) are dropped.
pub const MAX_COLUMNS: usize = 200;
/// A table has at most this many cells in all, so 20 MB of delimiters is
/// refused before it becomes millions of empty cells.
pub const MAX_CELLS: usize = 2_000_000;

// ---------------------------------------------------------------------------
// The table.

/// A spreadsheet read into cells. Every cell is trimmed of the spaces
/// around it; a row may hold fewer cells than the header (or more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The character between cells: a tab, a comma or a semicolon.
    pub delimiter: char,
    /// The first row: the names of the columns.
    pub header: Vec<String>,
    /// The rows below the header, blank rows in the middle kept (so row
    /// numbers stay those of the spreadsheet), blank rows at the end dropped.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The row number a spreadsheet shows for the data row at `index` of
    /// [`Table::rows`]: the header is row 1, so the first data row is row 2.
    pub fn row_number(&self, index: usize) -> usize {
        index + 2
    }

    /// What the dates in the columns that `columns` matches to date fields
    /// say about their order (see [`detect_date_order`]).
    pub fn date_order(&self, columns: &[Option<Column>]) -> DateGuess {
        let dated: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, column)| column.is_some_and(Column::is_date))
            .map(|(index, _)| index)
            .collect();
        detect_date_order(
            (0..self.rows.len())
                .flat_map(|row| dated.iter().map(move |column| self.cell(row, *column))),
        )
    }

    /// The cell of the data row at `index` in `column`; empty when the row is
    /// shorter or missing.
    pub fn cell(&self, index: usize, column: usize) -> &str {
        self.rows
            .get(index)
            .and_then(|row| row.get(column))
            .map_or("", String::as_str)
    }
}

/// How the import takes a file, from its name and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A CSV or tab-separated text: read.
    Text,
    /// An Excel, OpenDocument or Numbers workbook: not read (the import
    /// says how to save it as CSV or copy its cells).
    Workbook,
    /// Neither (a plan file, for one).
    Other,
}

/// What kind of file `name`, of type `mime`, is to the import.
pub fn file_kind(name: &str, mime: &str) -> FileKind {
    let name = name.to_ascii_lowercase();
    let extension = name.rsplit_once('.').map_or("", |(_, extension)| extension);
    match extension {
        "csv" | "tsv" | "tab" => FileKind::Text,
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "numbers" => FileKind::Workbook,
        _ if matches!(mime, "text/csv" | "text/tab-separated-values") => FileKind::Text,
        _ => FileKind::Other,
    }
}

/// Reads a spreadsheet's text: a UTF-8 byte order mark is skipped; the
/// delimiter is the one the header row uses outside quotes (a tab when it
/// has one, as pasted cells do, else a semicolon when it has more of those
/// than commas, else a comma); cells follow RFC 4180 (quotes around a cell,
/// `""` for a quote inside it, line breaks inside quotes kept); rows end
/// with LF, CR LF or a lone CR.
///
/// Refused, naming the row and column: an empty text or an empty first row,
/// a text over 20 MB, more than [`MAX_ROWS`] rows below the header, more
/// than [`MAX_COLUMNS`] columns or [`MAX_CELLS`] cells, and a quoted cell
/// that is never closed (named where it opens).
pub fn read_table(text: &str) -> Result<Table, CsvProblem> {
    if text.len() > super::MAX_FILE_BYTES {
        return Err(problem(
            1,
            0,
            format!(
                "the spreadsheet is {} MB: at most {} MB can be read",
                text.len().div_ceil(1024 * 1024),
                super::MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = header_delimiter(text);
    let mut rows = Reader::new(delimiter).read(text)?;
    while rows.last().is_some_and(|row| is_blank(row)) {
        rows.pop();
    }
    if rows.is_empty() {
        return Err(problem(
            1,
            0,
            "the spreadsheet is empty: the first row must name the columns",
        ));
    }
    let data = rows.split_off(1);
    let header = rows.pop().unwrap_or_default();
    if is_blank(&header) {
        return Err(problem(
            1,
            0,
            "the first row is empty: the first row must name the columns",
        ));
    }
    Ok(Table {
        delimiter,
        header,
        rows: data,
    })
}

/// A problem at row `row` (1 for the header) and the column at `column`.
fn problem(row: usize, column: usize, message: impl Into<String>) -> CsvProblem {
    CsvProblem {
        row,
        column: column_name(column),
        message: message.into(),
    }
}

/// Whether every cell of a (trimmed) row is empty.
fn is_blank(row: &[String]) -> bool {
    row.iter().all(String::is_empty)
}

/// The delimiter of the first row, counted outside quotes.
fn header_delimiter(text: &str) -> char {
    let (mut tabs, mut commas, mut semicolons) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for c in text.chars() {
        match (quoted, c) {
            (_, '"') => quoted = !quoted,
            (true, _) => {}
            (false, '\n' | '\r') => break,
            (false, '\t') => tabs += 1,
            (false, ',') => commas += 1,
            (false, ';') => semicolons += 1,
            (false, _) => {}
        }
    }
    if tabs > 0 {
        '\t'
    } else if semicolons > commas {
        ';'
    } else {
        ','
    }
}

/// `text` without the whitespace around it, reusing its buffer.
fn trimmed(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text
}

/// The characters that make a spreadsheet run a cell as a formula: an
/// export puts a `'` before a cell starting with one of them, as Excel and
/// Google Sheets do when such a cell is typed as text. (A leading tab or
/// carriage return, the other starts a guard must defuse, is dropped by
/// the export instead: a cell is read trimmed anyway.)
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// A cell, already trimmed, with the `'` an export put before a
/// formula-like cell taken away, so `'=SUM(A1)` reads back as `=SUM(A1)`
/// and `''=x` as `'=x`: exports and imports agree, and nothing a
/// spreadsheet shows changes.
fn unguarded(cell: String) -> String {
    if cell.starts_with('\'') && formula_like(&cell) {
        trimmed(cell[1..].to_string())
    } else {
        cell
    }
}

/// Whether a cell, past any `'`s it starts with, starts like a formula:
/// the cells an export guards with one `'` more, and the import takes one
/// from.
pub(crate) fn formula_like(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// Splits text into rows of cells, one character at a time, within the
/// limits: a hostile text never becomes more than [`MAX_CELLS`] cells.
struct Reader {
    delimiter: char,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    /// The index of the cell being read in its row.
    column: usize,
    /// Rows ended so far, kept or not: the row being read is this plus one.
    rows_seen: usize,
    cells_kept: usize,
}

impl Reader {
    fn new(delimiter: char) -> Reader {
        Reader {
            delimiter,
            rows: Vec::new(),
            row: Vec::new(),
            cell: String::new(),
            column: 0,
            rows_seen: 0,
            cells_kept: 0,
        }
    }

    fn read(mut self, text: &str) -> Result<Vec<Vec<String>>, CsvProblem> {
        // Where the open quoted cell starts, as (row, column).
        let mut quote_opened: Option<(usize, usize)> = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if quote_opened.is_some() {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        self.cell.push('"');
                    }
                    '"' => quote_opened = None,
                    c => self.cell.push(c),
                }
                continue;
            }
            match c {
                // A quote opens a cell only at its start (after spaces, which
                // hand-written files put after a comma); elsewhere it is text.
                '"' if self.cell.trim().is_empty() => {
                    self.cell.clear();
                    quote_opened = Some((self.rows_seen + 1, self.column));
                }
                c if c == self.delimiter => self.end_cell()?,
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => self.end_row()?,
                c => self.cell.push(c),
            }
        }
        if let Some((row, column)) = quote_opened {
            return Err(problem(
                row,
                column,
                "this cell opens a quote that is never closed: add the closing \" or remove the opening one",
            ));
        }
        if !self.cell.is_empty() || self.column > 0 {
            self.end_row()?;
        }
        Ok(self.rows)
    }

    fn end_cell(&mut self) -> Result<(), CsvProblem> {
        let cell = unguarded(trimmed(std::mem::take(&mut self.cell)));
        let column = self.column;
        self.column += 1;
        if column < MAX_COLUMNS {
            self.row.push(cell);
            return Ok(());
        }
        if cell.is_empty() {
            return Ok(());
        }
        Err(problem(
            self.rows_seen + 1,
            column,
            format!(
                "more than {} columns: remove the columns the import does not need",
                thousands(MAX_COLUMNS)
            ),
        ))
    }

    fn end_row(&mut self) -> Result<(), CsvProblem> {
        self.end_cell()?;
        let row = std::mem::take(&mut self.row);
        self.column = 0;
        self.rows_seen += 1;
        // The header and MAX_ROWS rows below it are kept; blank rows past
        // them are dropped unread, as trailing blank rows are.
        if self.rows.len() > MAX_ROWS {
            if is_blank(&row) {
                return Ok(());
            }
            return Err(problem(
                self.rows_seen,
                0,
                format!(
                    "more than {} rows below the header: split the spreadsheet and import it in parts",
                    thousands(MAX_ROWS)
                ),
            ));
        }
        self.cells_kept += row.len();
        if self.cells_kept > MAX_CELLS {
            return Err(problem(
                self.rows_seen,
                0,
                format!(
                    "more than {} cells: split the spreadsheet and import it in parts",
                    thousands(MAX_CELLS)
                ),
            ));
        }
        self.rows.push(row);
        Ok(())
    }
}

#[cfg(test)]
mod tests;

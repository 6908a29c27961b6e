//! The first sheet of an .xlsx workbook as tab-separated text, with
//! calamine (feature `calamine`) or without a reader (the baseline): the
//! difference in size is what reading workbooks would cost the app.

use std::io::Cursor;

/// Reads the workbook of `len` bytes at `ptr`; returns the text's length.
///
/// # Safety
/// `ptr` must point at `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn first_sheet(ptr: *const u8, len: usize) -> usize {
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) }.to_vec();
    read(bytes).len()
}

#[cfg(feature = "calamine")]
fn read(bytes: Vec<u8>) -> String {
    use calamine::{Reader, Xlsx};
    let Ok(mut book) = Xlsx::new(Cursor::new(bytes)) else {
        return String::new();
    };
    let Some(Ok(range)) = book.worksheet_range_at(0) else {
        return String::new();
    };
    let rows: Vec<String> = range
        .rows()
        .map(|row| {
            let cells: Vec<String> = row.iter().map(ToString::to_string).collect();
            cells.join("\t")
        })
        .collect();
    rows.join("\n")
}

#[cfg(not(feature = "calamine"))]
fn read(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(Cursor::new(bytes).get_ref()).into_owned()
}

//! `opsboard-plan`: plan files on the command line, for plans kept in git.
//! It checks files, says what changed between two of them, merges three as
//! a git merge driver, and writes the CSV and calendar exports. A thin
//! shell over the pure core: it reads arguments, files and the clock,
//! writes files and messages, and leaves every decision to
//! `opsboard::persist` (what it says comes from `persist::report`). See
//! docs/cli.md.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    cli::run(&args)
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // The tool reads and writes files; the browser build has nothing to run.
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::{OsStr, OsString};
    use std::fs;
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use chrono::NaiveDate;
    use opsboard::model::{parse_iso_date, Plan};
    use opsboard::persist::{self, csv, ics, report, sheets};

    const USAGE: &str = "\
opsboard-plan: Opsboard plan files (*.opsboard.json) on the command line.

Usage:
  opsboard-plan validate FILE...
      Opens each file as the app would and says what it holds or why it
      cannot be opened.
  opsboard-plan diff OLD NEW
      What NEW changed relative to OLD, grouped by kind of thing.
  opsboard-plan merge BASE OURS THEIRS [-o OUT] [--name NAME]
      A three-way merge: OURS with THEIRS' changes since BASE, written to
      OURS (or OUT); ours is kept where both changed a field. NAME is the
      file's name in messages. As a git merge driver:
      `opsboard-plan merge %O %A %B --name %P`.
  opsboard-plan export csv FILE [--sheet SHEET] [-o OUT]
      A spreadsheet (CSV). SHEET is one of activities (the default),
      allocations, skills, people, work, leave, holidays.
  opsboard-plan export ics FILE [--app-url URL] [--today YYYY-MM-DD] [-o OUT]
      The calendar (iCalendar). URL is where the app is served, for links
      from the events (none by default); --today is the date stamped on
      the events (today's UTC date by default).

Exports go to standard output unless -o names a file.

Exit status: 0 success; 1 a file cannot be read or opened, or a merge has
conflicts; 2 the command line is wrong.
";

    /// How the tool ends.
    enum Failure {
        /// The command line is wrong: the message and exit status 2.
        Usage(String),
        /// A file cannot be read, opened or written, or a merge has
        /// conflicts: the messages were printed; exit status 1.
        Reported,
    }

    type Outcome = Result<(), Failure>;

    pub fn run(args: &[OsString]) -> ExitCode {
        let Some(command) = args.first() else {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        };
        let asks_help = args
            .iter()
            .take_while(|arg| *arg != "--")
            .any(|arg| arg == "-h" || arg == "--help");
        if asks_help || command == "help" {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        let rest = &args[1..];
        let outcome = match command.to_str() {
            Some("validate") => validate(rest),
            Some("diff") => diff(rest),
            Some("merge") => merge(rest),
            Some("export") => export(rest),
            _ => Err(Failure::Usage(format!(
                "unknown command {}",
                quoted(command)
            ))),
        };
        match outcome {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure::Reported) => ExitCode::from(1),
            Err(Failure::Usage(message)) => {
                eprintln!("opsboard-plan: {message}.\nRun `opsboard-plan --help` for usage.");
                ExitCode::from(2)
            }
        }
    }

    /// A command's arguments: file names in order, and the options it
    /// allows by their long name.
    struct Parsed {
        files: Vec<PathBuf>,
        options: Vec<(&'static str, OsString)>,
    }

    impl Parsed {
        fn option(&self, name: &str) -> Option<&OsStr> {
            self.options
                .iter()
                .rev()
                .find(|(option, _)| *option == name)
                .map(|(_, value)| value.as_os_str())
        }
    }

    /// Splits `args` into files and the `allowed` options (long name, short
    /// name), each of which takes a value. `--` ends the options.
    fn parse(
        args: &[OsString],
        allowed: &[(&'static str, Option<&str>)],
    ) -> Result<Parsed, Failure> {
        let mut parsed = Parsed {
            files: Vec::new(),
            options: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let text = arg.to_str().unwrap_or_default();
            if text == "--" {
                parsed.files.extend(args.map(PathBuf::from));
                break;
            }
            if !text.starts_with('-') || text == "-" {
                parsed.files.push(PathBuf::from(arg));
                continue;
            }
            let Some((name, _)) = allowed
                .iter()
                .find(|(long, short)| text == format!("--{long}") || Some(text) == *short)
            else {
                return Err(Failure::Usage(format!("unknown option {}", quoted(arg))));
            };
            let Some(value) = args.next() else {
                return Err(Failure::Usage(format!("{text} needs a value")));
            };
            parsed.options.push((name, value.clone()));
        }
        Ok(parsed)
    }

    fn expect_files(parsed: &Parsed, count: usize, names: &str) -> Outcome {
        if parsed.files.len() == count {
            return Ok(());
        }
        Err(Failure::Usage(format!(
            "expected {names}, got {} file name{}",
            parsed.files.len(),
            if parsed.files.len() == 1 { "" } else { "s" }
        )))
    }

    fn validate(args: &[OsString]) -> Outcome {
        let parsed = parse(args, &[])?;
        if parsed.files.is_empty() {
            return Err(Failure::Usage("validate needs at least one FILE".into()));
        }
        let mut all_ok = true;
        for file in &parsed.files {
            match open(file) {
                Ok((plan, text)) => println!(
                    "{}: ok ({})",
                    file.display(),
                    report::plan_summary(&plan, report::file_version(&text))
                ),
                Err(message) => {
                    eprint!("{message}");
                    all_ok = false;
                }
            }
        }
        if all_ok {
            Ok(())
        } else {
            Err(Failure::Reported)
        }
    }

    fn diff(args: &[OsString]) -> Outcome {
        let parsed = parse(args, &[])?;
        expect_files(&parsed, 2, "OLD NEW")?;
        let [old, new] = open_all::<2>(&parsed.files)?;
        match report::diff_report(&old, &new) {
            Ok(text) => write_out(None, &text),
            Err(error) => {
                eprintln!("{}: {error}", parsed.files[1].display());
                Err(Failure::Reported)
            }
        }
    }

    fn merge(args: &[OsString]) -> Outcome {
        let parsed = parse(args, &[("output", Some("-o")), ("name", None)])?;
        expect_files(&parsed, 3, "BASE OURS THEIRS")?;
        // Every input is read before anything is written: a file that does
        // not open leaves ours as it was.
        let [base, ours, theirs] = open_all::<3>(&parsed.files)?;
        let output = parsed
            .option("output")
            .map_or_else(|| parsed.files[1].clone(), PathBuf::from);
        let merged = match report::merge(&base, &ours, &theirs) {
            Ok(merged) => merged,
            Err(error) => {
                eprintln!("{}: {error}", parsed.files[2].display());
                return Err(Failure::Reported);
            }
        };
        // Who wrote each side (the files' `edits`) is kept, both sides'.
        let edits =
            persist::edits::merged(&edits_of(&parsed.files[1]), &edits_of(&parsed.files[2]));
        write_out(Some(&output), &persist::encode_file(&merged.plan, &edits))?;
        eprint!("{}", report::merge_summary(&merged));
        if merged.is_clean() {
            return Ok(());
        }
        // Git hands the driver a temporary file: `--name %P` says which.
        let name = parsed.option("name").map_or_else(
            || output.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        eprint!("{}", report::conflict_report(&name, &merged));
        Err(Failure::Reported)
    }

    fn export(args: &[OsString]) -> Outcome {
        let Some(format) = args.first() else {
            return Err(Failure::Usage(
                "export needs csv or ics, then a FILE".into(),
            ));
        };
        match format.to_str() {
            Some("csv") => export_csv(&args[1..]),
            Some("ics") => export_ics(&args[1..]),
            _ => Err(Failure::Usage(format!(
                "export writes csv or ics, not {}",
                quoted(format)
            ))),
        }
    }

    fn export_csv(args: &[OsString]) -> Outcome {
        let parsed = parse(args, &[("output", Some("-o")), ("sheet", None)])?;
        expect_files(&parsed, 1, "one FILE")?;
        let sheet = parsed.option("sheet").map(OsStr::to_string_lossy);
        let write: fn(&Plan) -> String = match sheet.as_deref().unwrap_or("activities") {
            "activities" => csv::activities_csv,
            "allocations" => csv::allocations_csv,
            "skills" => csv::skills_matrix_csv,
            "people" => sheets::people_sheet_csv,
            "work" => sheets::work_sheet_csv,
            "leave" => sheets::leave_sheet_csv,
            "holidays" => sheets::holidays_sheet_csv,
            other => {
                return Err(Failure::Usage(format!(
                    "--sheet is one of activities, allocations, skills, people, work, leave, holidays, not “{other}”"
                )))
            }
        };
        let (plan, _) = open(&parsed.files[0]).map_err(report_message)?;
        write_out(parsed.option("output").map(Path::new), &write(&plan))
    }

    fn export_ics(args: &[OsString]) -> Outcome {
        let parsed = parse(
            args,
            &[("output", Some("-o")), ("app-url", None), ("today", None)],
        )?;
        expect_files(&parsed, 1, "one FILE")?;
        let today = match parsed.option("today").map(OsStr::to_string_lossy) {
            None => today_utc(),
            Some(text) => parse_iso_date(&text).ok_or_else(|| {
                Failure::Usage(format!("--today is a date like 2026-11-23, not “{text}”"))
            })?,
        };
        let app_url = parsed
            .option("app-url")
            .map(OsStr::to_string_lossy)
            .unwrap_or_default();
        let (plan, _) = open(&parsed.files[0]).map_err(report_message)?;
        let calendar = ics::calendar(&plan, &app_url, today);
        write_out(parsed.option("output").map(Path::new), &calendar)
    }

    /// Today's date in UTC: the shell may read the clock, the core never.
    fn today_utc() -> NaiveDate {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        i64::try_from(seconds)
            .ok()
            .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
            .map(|time| time.date_naive())
            .unwrap_or_default()
    }

    /// The plan in `file` and the file's text, or why not, naming the file
    /// on each line.
    fn open(file: &Path) -> Result<(Plan, String), String> {
        let name = file.display().to_string();
        let bytes = fs::read(file).map_err(|error| format!("{name}: cannot be read: {error}\n"))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{name}: is not UTF-8 text, so not a plan file\n"))?;
        match persist::decode(&text) {
            Ok(plan) => Ok((plan, text)),
            Err(error) => Err(report::file_error(&name, &error)),
        }
    }

    /// The record of who wrote `file` (read once more: it opened before).
    fn edits_of(file: &Path) -> Vec<persist::edits::Edit> {
        fs::read_to_string(file)
            .ok()
            .and_then(|text| persist::decode_file(&text).ok())
            .map(|(_, edits)| edits)
            .unwrap_or_default()
    }

    /// The plans of the `N` files, or every reason a file did not open.
    fn open_all<const N: usize>(files: &[PathBuf]) -> Result<[Plan; N], Failure> {
        let mut plans = Vec::new();
        let mut failed = false;
        for file in files {
            match open(file) {
                Ok((plan, _)) => plans.push(plan),
                Err(message) => {
                    eprint!("{message}");
                    failed = true;
                }
            }
        }
        if failed {
            return Err(Failure::Reported);
        }
        plans.try_into().map_err(|_| Failure::Reported)
    }

    fn report_message(message: String) -> Failure {
        eprint!("{message}");
        Failure::Reported
    }

    /// `text` to the file `output`, or to standard output.
    fn write_out(output: Option<&Path>, text: &str) -> Outcome {
        let written = match output {
            Some(path) => fs::write(path, text),
            None => std::io::stdout().lock().write_all(text.as_bytes()),
        };
        written.map_err(|error| {
            let target = output.map_or("standard output".to_string(), |path| {
                path.display().to_string()
            });
            eprintln!("{target}: cannot be written: {error}");
            Failure::Reported
        })
    }

    fn quoted(arg: &OsStr) -> String {
        format!("“{}”", arg.to_string_lossy())
    }
}

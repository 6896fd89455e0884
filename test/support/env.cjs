// Defaults for the CLI processes tests start: no timed progress lines on their stderr (tests
// count stderr lines); a test of the progress lines sets CONFORM_PROGRESS_SECONDS itself.
process.env.CONFORM_PROGRESS_SECONDS ??= "0";

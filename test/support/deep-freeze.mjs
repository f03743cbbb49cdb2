// The test suite runs rules over a deeply frozen report (rules/model/report.ts), so a rule
// that writes to the model throws here. Child processes (server, CLI) inherit it.
process.env.PARTY_REPORT_FREEZE = 'deep';

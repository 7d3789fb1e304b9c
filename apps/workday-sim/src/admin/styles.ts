/** One small stylesheet for every simulator page: Workday-ish colours, nothing clever. */
export const SIM_CSS = `
:root { --wd-blue: #0875e1; --wd-dark: #1e1e1e; --wd-grey: #f0f1f2; --wd-line: #ced3d9; --wd-orange: #f38b00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--wd-dark); background: #fff; }
main { max-width: 980px; margin: 0 auto; padding: 24px; }
header.wd-brand, header.sim { background: var(--wd-blue); color: #fff; padding: 10px 24px; font-weight: 700; font-size: 18px; }
header.sim a { color: #fff; text-decoration: none; }
header.sim nav { font-weight: 400; font-size: 14px; margin-top: 4px; }
header.sim nav a { margin-right: 16px; text-decoration: underline; }
.wd-logo { display: inline-block; width: 28px; height: 28px; border-radius: 50%; background: var(--wd-orange); text-align: center; line-height: 28px; margin-right: 6px; }
h1 { font-size: 24px; margin: 8px 0 16px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
form { margin: 12px 0; }
label { font-weight: 600; }
input[type=text], input[type=password], input[type=email], input[type=url], input[type=number], select, textarea { display: block; width: 100%; max-width: 520px; padding: 7px 9px; margin: 4px 0 12px; border: 1px solid var(--wd-line); border-radius: 4px; font: inherit; }
.check { margin: 6px 0 12px; }
.check label { font-weight: 400; margin-left: 6px; }
fieldset { border: 1px solid var(--wd-line); border-radius: 6px; margin: 0 0 14px; max-width: 560px; }
legend { font-weight: 600; padding: 0 4px; }
button { background: var(--wd-blue); color: #fff; border: 0; border-radius: 16px; padding: 7px 20px; font: inherit; font-weight: 600; cursor: pointer; }
button.secondary, button[value=deny] { background: #fff; color: var(--wd-dark); border: 1px solid var(--wd-line); }
button.danger { background: #c62828; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--wd-line); padding: 6px 10px; text-align: left; vertical-align: top; }
thead th, tbody th[scope=row] { background: var(--wd-grey); }
table.values td { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.alert { background: #fdecea; border-left: 4px solid #c62828; padding: 8px 12px; }
.note { background: #fff8e1; border-left: 4px solid var(--wd-orange); padding: 8px 12px; }
.ok { background: #e8f5e9; border-left: 4px solid #2e7d32; padding: 8px 12px; }
.inline { display: inline; margin: 0 4px 0 0; }
.tasks li { margin: 2px 0; }
.signin, .consent, .idp { max-width: 460px; }
`;

#!/usr/bin/env bash
# The local mailbox of ops/run.sh: every message the platform mailed (donor reports, reminders),
# kept by the loopback SMTP server in .data/mailbox (a Maildir).
#
#   ops/mailbox.sh                 list the messages, newest last: number, date, to, subject, attachments
#   ops/mailbox.sh show N          print message N's text
#   ops/mailbox.sh save N [DIR]    save message N's attachments into DIR (default .data/mailbox/attachments)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAILDIR=${COOPERATION_MAILDIR:-$ROOT/.data/mailbox}
exec /usr/bin/python3 - "$MAILDIR" "$@" <<'PY'
import email, email.policy, os, signal, sys

# `ops/mailbox.sh show 1 | head` ends quietly when head has read enough.
signal.signal(signal.SIGPIPE, signal.SIG_DFL)

maildir, args = sys.argv[1], sys.argv[2:]
files = []
for folder in ("cur", "new"):
    path = os.path.join(maildir, folder)
    if os.path.isdir(path):
        files += [os.path.join(path, name) for name in os.listdir(path)]
files.sort(key=os.path.getmtime)
messages = []
for file in files:
    with open(file, "rb") as handle:
        messages.append(email.message_from_binary_file(handle, policy=email.policy.default))

def pick(number):
    index = int(number) - 1
    if not 0 <= index < len(messages):
        sys.exit(f"mailbox: no message {number} (there are {len(messages)})")
    return messages[index]

if not args:
    if not messages:
        print(f"mailbox: empty ({maildir})")
    for number, message in enumerate(messages, 1):
        attachments = [part.get_filename() for part in message.iter_attachments()]
        print(f"{number:3}  {message['Date']}  to {message['To']}  {message['Subject']}" + (f"  [{', '.join(attachments)}]" if attachments else ""))
elif args[0] == "show" and len(args) == 2:
    message = pick(args[1])
    body = message.get_body(preferencelist=("plain", "html"))
    print(f"From: {message['From']}\nTo: {message['To']}\nDate: {message['Date']}\nSubject: {message['Subject']}\n")
    print(body.get_content() if body else "")
elif args[0] == "save" and len(args) in (2, 3):
    message = pick(args[1])
    target = args[2] if len(args) == 3 else os.path.join(maildir, "attachments")
    os.makedirs(target, exist_ok=True)
    for part in message.iter_attachments():
        path = os.path.join(target, os.path.basename(part.get_filename()))
        # The bytes as sent: get_content() decodes text parts (HTML, CSV) to str.
        with open(path, "wb") as handle:
            handle.write(part.get_payload(decode=True))
        print(path)
else:
    sys.exit("usage: ops/mailbox.sh [show N | save N [DIR]]")
PY

#!/usr/bin/env bash
# Hostile and careless input, one case per run:
#   hostile.sh UNATTEND CASE WORKDIR MEMORY_KB EXAMPLES
# Each case runs the real unattend command on real files and asserts its exit
# code, its message, a time bound (timeout) and a memory bound (ulimit -v,
# MEMORY_KB; 0 under the sanitizers, whose shadow memory needs terabytes of
# address space), and that no secret and no outside file's content appears in
# anything it prints. docs/security.md describes what each case defends.
set -u
UNATTEND=$1
CASE=$2
WORK=$3/$CASE
MEMORY_KB=$4
EXAMPLES=$5  # examples/: a valid answer file and the spec files of a valid generate run
SECRET='S3cr3t-0utside-C0ntent'   # the content of a file the input must never reveal
PASSWORD='Tr0ub4&dor3'            # a password with a character XML must escape

rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
trap 'cd / && rm -rf "$WORK"' EXIT
printf '%s\n' "$SECRET" > secret.txt
failures=0
fail() { echo "FAIL [$CASE]: $*"; failures=$((failures + 1)); }

# run [--stdin FILE] [--seconds N] ARGS...: the command, bounded; sets $code,
# $out (stdout and stderr together, in out.txt).
run() {
  local stdin=/dev/null seconds=30
  while :; do
    case $1 in
      --stdin) stdin=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      *) break ;;
    esac
  done
  (
    if [ "$MEMORY_KB" != 0 ]; then ulimit -v "$MEMORY_KB"; fi
    exec timeout -s KILL "$seconds" "$UNATTEND" "$@"
  ) < "$stdin" > out.txt 2>&1
  code=$?
  out=$(cat out.txt)
  if [ "$code" -eq 137 ]; then fail "killed after ${seconds}s or out of memory: $*"; fi
  if [ "$code" -ge 128 ]; then fail "crashed (exit $code): $*"; fi
  case $out in *"internal error"*|*bad_alloc*) fail "internal error: $*" ;; esac
  no_secrets  # in every case, whatever else it checks
}
expect_exit() { [ "$code" = "$1" ] || fail "exit $code, expected $1; output: $out"; }
expect() { printf '%s' "$out" | grep -Eq -- "$1" || fail "output does not match '$1'; output: $out"; }
reject() { printf '%s' "$out" | grep -Fq -- "$1" && fail "output contains '$1'"; return 0; }
no_secrets() {
  reject "$SECRET"
  reject 'Tr0ub4'
  reject 'dor3'
  reject 'root:x:0'
}
no_files_but() {  # the case's own files and these may be in the folder, nothing else
  local left
  left=$(ls -A | grep -vxE "secret\.txt|out\.txt|in\..*|$1" || true)
  [ -z "$left" ] || fail "left behind: $left"
}
mode_of() { stat -c %a "$1"; }

HEAD='<?xml version="1.0" encoding="utf-8"?>'
OPEN='<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">'
component() {  # component PASS NAME ARCH CONTENT [VERSIONSCOPE]
  printf '<settings pass="%s"><component name="%s" processorArchitecture="%s" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="%s">%s</component></settings>' \
    "$1" "$2" "$3" "${5:-nonSxS}" "$4"
}
answer_file() { printf '%s\n%s\n%s\n</unattend>\n' "$HEAD" "$OPEN" "$1"; }
# A complete, valid file (it holds an encoded password), and the options of a
# generate run that succeeds: the project keeps both free of errors (cli tests
# check_example and generate_lima).
valid() { cat "$EXAMPLES/lima-like.xml"; }
VALID_TEXT='<ComputerName>lima-win11</ComputerName>'
GENERATE=(generate --computer-name lima-win11 --user lima --password-file "$EXAMPLES/spec/dev-password.txt"
          --image-index 1 --firmware uefi --disk 0)
# same_output A B EXTRA: `check` says the same of files A and B (exit code and
# messages, positions aside), except the lines of B that match EXTRA.
same_output() {
  run check "$1"; local code_a=$code; sed -E 's/^[^:]*:[0-9]+:[0-9]+: //' out.txt | sort > in.a.txt
  run check "$2"; sed -E 's/^[^:]*:[0-9]+:[0-9]+: //' out.txt | grep -Ev -- "${3:-^$}" | sort > in.b.txt
  [ "$code" = "$code_a" ] || fail "exit $code for $2, $code_a for $1"
  cmp -s in.a.txt in.b.txt || fail "check says more of $2 than of $1: $(diff in.a.txt in.b.txt | head -5)"
}
password_file() {  # a file whose AdministratorPassword is $1, as written
  answer_file "$(component oobeSystem Microsoft-Windows-Shell-Setup amd64 \
    "<UserAccounts><AdministratorPassword><Value>$1</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts>")"
}

# lsp_message BODY: one message of the language server protocol (the body is ASCII).
lsp_message() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
LSP_INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
LSP_EXIT='{"jsonrpc":"2.0","method":"exit"}'
lsp_open() {  # lsp_open TEXT (JSON-escaped): didOpen of file:///w/autounattend.xml
  printf '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/autounattend.xml","languageId":"xml","version":1,"text":"%s"}}}' "$1"
}

case $CASE in

# ---- what held before issue 16: kept as it is ----
xxe)
  answer_file "$(component oobeSystem Microsoft-Windows-Shell-Setup amd64 '<TimeZone>&x;</TimeZone>')" |
    sed "2i <!DOCTYPE unattend [<!ENTITY x SYSTEM \"file://$WORK/secret.txt\">]>" > in.xml
  run check in.xml; expect_exit 1; expect 'UA1002'; no_secrets
  run fmt in.xml -o in.out.xml; expect_exit 1; no_secrets; [ ! -e in.out.xml ] || fail "fmt wrote an output" ;;
external_dtd)
  valid | sed '2i <!DOCTYPE unattend SYSTEM "http://127.0.0.1:9/evil.dtd">' > in.xml
  run --seconds 10 check in.xml; expect_exit 1; expect 'UA1002' ;;
entity_bomb)
  { echo "$HEAD"; echo '<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">'
    prev=a; for n in b c d e f g h i j; do echo "<!ENTITY $n \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"; prev=$n; done
    echo ']>'; echo "$OPEN<x>&j;</x></unattend>"; } > in.xml
  run --seconds 10 check in.xml; expect_exit 1; expect 'UA1002' ;;
schema_location)
  valid | sed 's|<unattend |<unattend xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:schemas-microsoft-com:unattend http://127.0.0.1:9/evil.xsd" |' > in.xml
  run --seconds 10 check in.xml; expect_exit 0 ;;
xinclude)
  answer_file "$(component oobeSystem Microsoft-Windows-Shell-Setup amd64 "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://$WORK/secret.txt\" parse=\"text\"/>")" > in.xml
  run check in.xml; expect_exit 1; no_secrets
  run fmt in.xml -o in.out.xml; no_secrets
  if [ -e in.out.xml ] && grep -Fq "$SECRET" in.out.xml; then fail "the included file is in the output"; fi ;;
deep_nesting)
  { echo "$HEAD$OPEN"; for _ in $(seq 100000); do printf '<a>'; done; for _ in $(seq 100000); do printf '</a>'; done; echo '</unattend>'; } > in.xml
  run check in.xml; expect_exit 1; expect 'UA1003' ;;
bad_encoding)
  valid | sed 's|lima-win11|lima-win11\xe9|' > in.xml
  run check in.xml; expect_exit 1; expect 'UA1102' ;;
symlink_to_secret)
  ln -s secret.txt in.xml
  run check in.xml; expect_exit 1; expect 'UA1001'; no_secrets
  run fmt --check in.xml; expect_exit 1; no_secrets ;;
unwritable_folder)
  valid > in.xml
  run fmt in.xml -o /proc/in.out.xml; expect_exit 2; expect 'cannot create'
  run "${GENERATE[@]}" -o /proc/in.out.xml; expect_exit 2 ;;
sigkill_during_write)
  truncate -s 300M in.big
  valid > in.xml
  for delay in 0.1 0.3; do
    "$UNATTEND" package in.xml --add in.big -o out.iso > /dev/null 2>&1 &
    pid=$!; sleep "$delay"; kill -KILL "$pid" 2> /dev/null; wait "$pid" 2> /dev/null
    if [ -e out.iso ] && [ "$(stat -c %s out.iso)" -lt 314572800 ]; then fail "a partial image after SIGKILL"; fi
    rm -f out.iso .out.iso.tmp-*  # SIGKILL cannot be caught: its temporary file may stay, the image is never partial
  done ;;
mutations)
  # Deterministic mutations of a valid file: characters deleted, doubled,
  # replaced by markup characters; 300 files in one run, none may crash.
  mkdir in.mutants
  valid > in.xml
  awk -v n=300 'BEGIN { srand(16) } { text = text $0 "\n" } END {
      split("< > & \" '"'"' / = ; # ]", marks, " ")
      for (i = 0; i < n; i++) {
        t = text
        for (k = 0; k < 1 + int(rand() * 4); k++) {
          p = 1 + int(rand() * length(t)); op = int(rand() * 3)
          if (op == 0) t = substr(t, 1, p - 1) substr(t, p + 1)
          else if (op == 1) t = substr(t, 1, p) substr(t, p)
          else t = substr(t, 1, p - 1) marks[1 + int(rand() * 10)] substr(t, p + 1)
        }
        printf "%s", t > sprintf("in.mutants/m%03d.xml", i)
      }
    }' in.xml
  run --seconds 120 check -j 2 in.mutants
  [ "$code" = 0 ] || [ "$code" = 1 ] || fail "exit $code on mutated files" ;;

# ---- item 1: outputs that are not regular files ----
output_device)
  # A device of our own (the same as /dev/null), not /dev/null itself: a
  # regression must not replace the machine's /dev/null. Creating one needs
  # root (CAP_MKNOD), which is where the problem was; without it, the
  # refusal is checked on /dev/null, whose replacement would fail anyway.
  valid > in.xml
  if mknod in.null c 1 3 2> /dev/null; then device=in.null; else device=/dev/null; fi
  run "${GENERATE[@]}" -o $device --force; expect_exit 2; expect "$device: exists and is not a regular file \(a device\)"
  [ -c $device ] || fail "$device is no longer a device"
  run fmt in.xml -o $device --force; expect_exit 2; [ -c $device ] || fail "$device is no longer a device"
  run package in.xml -o $device --force; expect_exit 2; [ -c $device ] || fail "$device is no longer a device"
  rm -f in.null ;;
output_fifo)
  valid > in.xml; mkfifo in.fifo
  run fmt in.xml -o in.fifo --force; expect_exit 2; expect 'a FIFO'; [ -p in.fifo ] || fail "the FIFO was replaced"
  run "${GENERATE[@]}" -o in.fifo --force; expect_exit 2; [ -p in.fifo ] || fail "the FIFO was replaced" ;;
output_directory)
  valid > in.xml; mkdir in.dir
  run fmt in.xml -o in.dir --force; expect_exit 2; expect 'a directory'; [ -d in.dir ] || fail "the directory was replaced"
  run "${GENERATE[@]}" -o in.dir --package in.iso --force; expect_exit 2; [ ! -e in.iso ] || fail "an image was written" ;;
output_socket)
  valid > in.xml
  if command -v python3 > /dev/null; then
    python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' in.sock
    run fmt in.xml -o in.sock --force; expect_exit 2; expect 'a socket'; [ -S in.sock ] || fail "the socket was replaced"
  fi ;;
output_stdout)
  valid > in.xml
  run fmt in.xml -o -; expect_exit 0; expect "$VALID_TEXT"
  run "${GENERATE[@]}" -o -; expect_exit 0; expect '^<\?xml'
  run "${GENERATE[@]}" --package -; expect_exit 2; expect 'package needs a file'
  TMPDIR=$WORK "$UNATTEND" package in.xml -o - > in.stdout.iso 2> /dev/null || fail "package -o - failed"
  [ "$(dd if=in.stdout.iso bs=1 skip=32769 count=5 2> /dev/null)" = CD001 ] || fail "package -o - wrote no ISO image"
  no_files_but '' ;;
output_symlink)
  valid > in.xml; printf 'old\n' > in.target; ln -s in.target in.link
  run fmt in.xml -o in.link --force; expect_exit 0
  [ -L in.link ] || fail "the link was replaced"
  grep -q "$VALID_TEXT" in.target || fail "the link's target was not written" ;;

# ---- item 2: size limits while reading, special files ----
sparse_input)
  truncate -s 2G in.xml
  run --seconds 20 check in.xml; expect_exit 1; expect 'UA1003'
  run --seconds 20 fmt in.xml -o in.out.xml; expect_exit 1; expect 'UA1003'; [ ! -e in.out.xml ] || fail "fmt wrote"
  run --seconds 20 package in.xml -o in.iso; expect_exit 1; [ ! -e in.iso ] || fail "package wrote" ;;
dev_zero_input)
  run --seconds 20 check /dev/zero; expect_exit 1; expect 'UA1003'
  run --seconds 20 --stdin /dev/zero check -; expect_exit 1; expect 'UA1003'
  run --seconds 20 --stdin /dev/zero fmt - -o in.out.xml; expect_exit 1; expect 'UA1003'
  run --seconds 20 --stdin /dev/zero password encode; expect_exit 1; expect 'UA1003' ;;
dev_zero_password_file)
  run --seconds 20 generate --user admin --password-file /dev/zero -o in.out.xml; expect_exit 1; expect 'UA1003'
  [ ! -e in.out.xml ] || fail "generate wrote"
  run --seconds 20 --stdin /dev/zero generate --user admin --password-file - -o in.out.xml; expect_exit 1; expect 'UA1003' ;;
dev_zero_spec)
  run --seconds 20 generate --spec /dev/zero -o in.out.xml; expect_exit 1; expect 'UA1003' ;;
fifo_input)
  mkfifo in.fifo
  run --seconds 10 check in.fifo; expect_exit 1
  run --seconds 10 generate --user admin --password-file in.fifo -o in.out.xml; expect_exit 1 ;;

# ---- item 3: secrets in messages ----
password_ampersand)
  password_file "$PASSWORD" > in.xml
  for format in text json sarif github; do
    run check --format "$format" in.xml; expect_exit 1; expect 'UA1001'; no_secrets
  done
  run fmt in.xml -o in.out.xml; expect_exit 1; expect 'may be secret'; no_secrets
  run fmt --check in.xml; expect_exit 1; no_secrets
  run package in.xml -o in.iso; expect_exit 1; no_secrets ;;
password_less_than)
  password_file 'Tr0ub4<dor3' > in.xml
  run check in.xml; expect_exit 1; expect 'UA1001'; no_secrets ;;
product_key_secret)
  answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ProductKey>Tr0ub4&dor3</ProductKey>')" > in.xml
  run check in.xml; expect_exit 1; no_secrets
  answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ProductKey>Tr0ub4-dor3#</ProductKey>')" > in.xml
  run check in.xml; expect_exit 1; expect 'UA7008'; no_secrets ;;
join_credential_secret)
  answer_file "$(component specialize Microsoft-Windows-UnattendedJoin amd64 \
    '<Identification><Credentials><Domain>corp</Domain><Password>Tr0ub4&dor3</Password><Username>joiner</Username></Credentials><JoinDomain>corp</JoinDomain></Identification>')" > in.xml
  run check in.xml; expect_exit 1; no_secrets
  answer_file "$(component specialize Microsoft-Windows-UnattendedJoin amd64 \
    '<Identification><Credentials><Domain>corp</Domain><Password>x</Password><Username>Tr0ub4<dor3</Username></Credentials><JoinDomain>corp</JoinDomain></Identification>')" > in.xml
  run check in.xml; expect_exit 1; expect 'may be secret'; no_secrets ;;

# ---- item 4: modes ----
output_modes)
  umask 022
  valid > in.xml
  run package in.xml -o in.iso; expect_exit 0; [ "$(mode_of in.iso)" = 600 ] || fail "image mode $(mode_of in.iso)"
  run "${GENERATE[@]}" -o in.gen.xml --package in.gen.iso; expect_exit 0
  [ "$(mode_of in.gen.xml)" = 600 ] || fail "answer file mode $(mode_of in.gen.xml)"
  [ "$(mode_of in.gen.iso)" = 600 ] || fail "image mode $(mode_of in.gen.iso)"
  run fmt in.xml -o in.fmt.xml; expect_exit 0; [ "$(mode_of in.fmt.xml)" = 600 ] || fail "fmt output mode $(mode_of in.fmt.xml)" ;;

# ---- item 5: drivers and payload folders ----
drivers_symlink_out)
  valid > in.xml; mkdir -p in.drivers/net; printf 'driver\n' > in.drivers/net/a.inf
  ln -s "$WORK/secret.txt" in.drivers/net/shadow
  run package in.xml --drivers in.drivers -o in.iso; expect_exit 2; expect 'outside'; no_secrets
  [ ! -e in.iso ] || fail "an image was written"
  run package in.xml --add in.drivers=payload -o in.iso; expect_exit 2; expect 'outside'
  [ ! -e in.iso ] || fail "an image was written" ;;
drivers_symlink_inside)
  valid > in.xml; mkdir -p in.drivers; printf 'driver\n' > in.drivers/a.inf; ln -s a.inf in.drivers/b.inf
  run package in.xml --drivers in.drivers -o in.iso; expect_exit 0; expect 'b.inf' ;;

# ---- item 6: exit codes ----
fmt_check_directory)
  mkdir in.dir
  run fmt --check in.dir; expect_exit 2; expect 'is a directory' ;;
control_character_value)
  run generate --first-logon "$(printf 'echo \001')" -o in.out.xml; expect_exit 1; expect 'control character'
  [ ! -e in.out.xml ] || fail "generate wrote" ;;
invalid_utf8_password)
  printf 'Tr0ub4\377dor3\n' > in.pw
  run generate --user admin --password-file in.pw -o in.out.xml; expect_exit 1; expect 'not valid UTF-8'; no_secrets
  run --stdin in.pw password encode; expect_exit 1; expect 'not valid UTF-8'; no_secrets ;;

# ---- item 7: interrupted writes ----
signal_cleanup)
  truncate -s 1G in.big  # long enough to write that every signal comes during the write
  valid > in.xml
  set -m  # job control: background commands get SIGINT as they would from a terminal, not ignore it
  for try in "INT 0.2" "TERM 0.2" "INT 0.4" "TERM 0.4" "INT 0.6" "TERM 0.6"; do
    set -- $try; signal=$1
    "$UNATTEND" package in.xml --add in.big -o out.iso > /dev/null 2>&1 &
    pid=$!; sleep "$2"; kill -"$signal" "$pid" 2> /dev/null; wait "$pid" 2> /dev/null; status=$?
    # Ended by the signal itself (128 + its number), as a shell expects, not by a normal exit.
    [ "$status" = $((128 + $(kill -l "$signal"))) ] || fail "SIG$signal after $2 s: exit $status"
    left=$(ls -A | grep -E '\.tmp-' || true)
    [ -z "$left" ] || fail "SIG$signal left $left"
    rm -f out.iso
  done
  set +m ;;

# ---- item 8: UTF-32 ----
utf32_input)
  valid | sed 's/utf-8/UTF-32/' | iconv -f UTF-8 -t UTF-32 > in.xml  # with a byte-order mark
  valid | sed 's/utf-8/UTF-32/' | iconv -f UTF-8 -t UTF-32LE > in.le.xml
  valid > in.utf8.xml
  same_output in.utf8.xml in.xml 'UA1104'
  run check in.xml; expect 'warning: the file is UTF-32.*UA1104'
  same_output in.utf8.xml in.le.xml 'UA1104'
  run fmt in.xml -o in.out.xml; expect_exit 0
  "$UNATTEND" fmt in.utf8.xml -o in.utf8.out.xml 2> /dev/null
  cmp -s in.out.xml in.utf8.out.xml || fail "fmt reads the UTF-32 file otherwise"
  # A UTF-32 file that declares utf-8 is a real mismatch, as for UTF-16.
  valid | iconv -f UTF-8 -t UTF-32 > in.mismatch.xml
  run check in.mismatch.xml; expect_exit 1; expect 'UTF-32 \(little-endian\) but declares encoding="utf-8".*UA1102' ;;

# ---- item 9: severities real files contradict ----
version_scope_case)
  valid > in.usual.xml
  sed '0,/versionScope="nonSxS"/s//versionScope="NonSxS"/' in.usual.xml > in.xml
  same_output in.usual.xml in.xml 'UA3014'
  run check in.xml; expect "warning: versionScope is 'NonSxS'; the usual spelling is 'nonSxS'.*UA3014"
  run check --strict in.xml; expect_exit 1 ;;
metadata_key_case)
  key() { answer_file "$(component windowsPE Microsoft-Windows-Setup amd64 \
    "<ImageInstall><OSImage><InstallFrom><MetaData wcm:action=\"add\"><Key>$1</Key><Value>Windows 11 Pro</Value></MetaData></InstallFrom><InstallToAvailablePartition>true</InstallToAvailablePartition></OSImage></ImageInstall>")"; }
  key /IMAGE/NAME > in.usual.xml; key /IMAGE/Name > in.xml
  same_output in.usual.xml in.xml 'UA3014'
  run check in.xml; expect "warning: 'Key' is '/IMAGE/Name'; the usual spelling is '/IMAGE/NAME'.*UA3014"; reject 'UA3011' ;;
multi_architecture)
  content='<TimeZone>UTC</TimeZone>'
  one_pass() { sed 's|</component></settings><settings pass="oobeSystem">|</component>|g'; }
  answer_file "$(component oobeSystem Microsoft-Windows-Shell-Setup amd64 "$content")" > in.one.xml
  answer_file "$(for arch in amd64 arm64 x86; do component oobeSystem Microsoft-Windows-Shell-Setup $arch "$content"; done | one_pass)" > in.xml
  same_output in.one.xml in.xml
  run check in.xml; reject 'UA2008'
  answer_file "$( (component oobeSystem Microsoft-Windows-Shell-Setup amd64 "$content"
    component oobeSystem Microsoft-Windows-Shell-Setup x86 '<TimeZone>Pacific Standard Time</TimeZone>') | one_pass)" > in.xml
  same_output in.one.xml in.xml 'x86 differs from its amd64 copy.*UA2008'
  run check in.xml; expect 'x86 differs from its amd64 copy.*UA2008' ;;

# Issue 25, the language server under hostile input.
lsp_deep_nesting)  # 1: a million nested elements (3 MB) and an outline request (was SIGSEGV)
  nested=$(printf "<a>%.0s" $(seq 1000000))
  { lsp_message "$LSP_INIT"
    lsp_message "$(lsp_open "$nested")"
    lsp_message '{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///w/autounattend.xml"}}}'
    lsp_message "$LSP_EXIT"; } > in.lsp
  run --stdin in.lsp --seconds 120 lsp; expect '"id":2,"jsonrpc":"2.0","result":\[' ;;
lsp_completion_after_quote)  # 2: completion inside <a " (was an out-of-bounds read and an internal error)
  { lsp_message "$LSP_INIT"
    lsp_message "$(lsp_open '<a \"')"
    lsp_message '{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///w/autounattend.xml"},"position":{"line":0,"character":4}}}'
    lsp_message "$LSP_EXIT"; } > in.lsp
  run --stdin in.lsp lsp; expect '"id":2,"jsonrpc":"2.0","result":\[\]'; reject '"error"' ;;
lsp_oversized_message)  # 3: a body over 64 MiB is refused and skipped; the next message is answered
  { printf 'Content-Length: %d\r\n\r\n' $((65 * 1024 * 1024)); head -c $((65 * 1024 * 1024)) /dev/zero | tr '\0' ' '
    lsp_message "$LSP_INIT"; lsp_message "$LSP_EXIT"; } > in.lsp
  run --stdin in.lsp --seconds 60 lsp; expect 'over 64 MiB is refused'; expect '"id":1,"jsonrpc":"2.0","result":\{"capabilities"' ;;
lsp_endless_header)  # 3: a header line without its end does not grow memory
  { printf 'Content-Length: 10'; head -c $((200 * 1024 * 1024)) /dev/zero | tr '\0' 'x'; printf '\r\n\r\n'
    lsp_message "$LSP_INIT"; lsp_message "$LSP_EXIT"; } > in.lsp
  run --stdin in.lsp --seconds 60 lsp; expect 'a message needs a valid Content-Length header'
  expect '"id":1,"jsonrpc":"2.0","result":\{"capabilities"' ;;
secret_misspelt_elements)  # 4: a password under a misspelt name, its & unescaped (printed 'dor3' before)
  for body in "<UserAccounts><AdministratorPassword><Valeu>$PASSWORD</Valeu></AdministratorPassword></UserAccounts>" \
              "<UserAccounts><AdministratorPasswd><Value>$PASSWORD</Value></AdministratorPasswd></UserAccounts>" \
              "<AutoLogon><Pasword><Value>$PASSWORD</Value></Pasword></AutoLogon>"; do
    answer_file "$(component oobeSystem Microsoft-Windows-Shell-Setup amd64 "$body")" > in.xml
    for format in text json sarif github gitlab; do run check --format "$format" in.xml; expect_exit 1; done
    run explain in.xml
    run fix --diff in.xml
    escaped=$(sed 's/"/\\"/g' in.xml | tr -d '\n')
    { lsp_message "$LSP_INIT"; lsp_message "$(lsp_open "$escaped")"; lsp_message "$LSP_EXIT"; } > in.lsp
    run --stdin in.lsp lsp; expect 'not shown because it may be secret'
  done
  # A password outside any component.
  answer_file "<Pasword>$PASSWORD</Pasword>" > in.xml
  run check in.xml; expect_exit 1 ;;
terminal_injection)  # 6: values and file names that would drive the terminal or forge a line
  printf '<?xml version="1.1" encoding="utf-8"?>\n%s\n%s\n</unattend>\n' "$OPEN" \
    "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ComputerName>&#x1B;]0;owned&#x7;&#x1B;[2J</ComputerName>')" > in.1.xml
  printf '%s\n%s\n%s\n</unattend>\n' "$HEAD" "$OPEN" \
    "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ComputerName>x&#13;in.xml:1:1: error: forged&#10;in.xml:2:1: error: forged&#x202E;gpj.exe</ComputerName>')" > in.2.xml
  for file in in.1.xml in.2.xml; do
    for args in "check $file" "check --format github $file" "fix $file -o -" "explain $file"; do
      run $args
      if LC_ALL=C grep -q $'\x1b\|\r' out.txt; then fail "$args: a raw ESC or CR reaches the terminal"; fi
      if grep -q '^in.xml:[12]:1: error: forged' out.txt; then fail "$args: a forged line"; fi
      if grep -q $'\xe2\x80\xae' out.txt; then fail "$args: a raw U+202E reaches the terminal"; fi
    done
  done
  mkdir dir && valid > dir/$'bad\x1b[2Jname\n.xml'
  run check dir
  if LC_ALL=C grep -q $'\x1b' out.txt; then fail "a file name's ESC reaches the terminal"; fi
  rm -r dir ;;
file_name_not_utf8)  # 12: a file name that is not UTF-8 in a checked folder (json was an internal error)
  mkdir dir && valid > dir/ok.xml && valid > dir/$'bad\xff.xml'
  for format in json sarif gitlab github text; do
    run check --format "$format" dir; expect_exit 0
  done
  run check --format json dir; expect $'"path": "dir/bad\xef\xbf\xbd.xml"'
  rm -r dir ;;
config_cannot_silence_syntax)  # 11: a config, an option or a comment disabling every rule made a file that is not XML pass
  printf 'this is not XML\n' > in.xml
  printf 'disable: [UA1001]\n' > .unattend.yaml
  run check in.xml; expect_exit 2; expect 'UA1001 \(not-well-formed\) cannot be disabled'
  printf 'severity:\n  not-well-formed: off\n' > .unattend.yaml
  run check in.xml; expect_exit 2; expect 'cannot be disabled or changed'
  rm .unattend.yaml
  run check --disable UA1001,UA1002,UA1003 in.xml; expect_exit 2; expect 'cannot be disabled'
  printf '<!-- unattend-disable UA1001 -->\nnot XML <\n' > in.xml
  run check in.xml; expect_exit 1; expect 'UA1001' ;;
fix_keeps_owner_and_links)  # 8: fix changed the owner, broke hard links, replaced read-only files
  bom() { printf '\xef\xbb\xbf'; valid; }  # a BOM: a finding fix repairs
  bom > in.xml; chmod 0640 in.xml
  if [ "$(id -u)" = 0 ]; then chown nobody in.xml; fi
  before=$(stat -c '%U %a' in.xml)
  run fix in.xml; expect_exit 0; expect 'removed the UTF-8 byte-order mark'
  [ "$(stat -c '%U %a' in.xml)" = "$before" ] || fail "owner or mode changed: $before -> $(stat -c '%U %a' in.xml)"
  [ "$(head -c 3 in.xml | od -An -tx1 | tr -d ' ')" = 3c3f78 ] || fail "the BOM is still there"
  bom > in.xml; ln in.xml in.link.xml
  run fix in.xml; expect_exit 2; expect 'other hard link'
  cmp -s in.xml in.link.xml || fail "a hard link was broken"
  run fix --force in.xml; expect_exit 0
  rm in.link.xml
  bom > in.xml; chmod 0444 in.xml
  run fix in.xml; expect_exit 2; expect 'is read-only; not replaced'
  [ "$(head -c 3 in.xml | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "a read-only file was replaced"
  run fix --force in.xml; expect_exit 0
  no_files_but 'in\.xml' ;;
fix_stays_in_the_folder)  # 7: fix DIR followed *.xml links out of the folder and rewrote other XML files
  mkdir -p dir outside
  { printf '\xef\xbb\xbf'; valid; } > outside/answer.xml
  { printf '\xef\xbb\xbf'; echo 'Write-Output "a script"'; } > outside/setup.ps1
  ln -s ../outside/answer.xml dir/linked.xml
  ln -s ../outside/setup.ps1 dir/script.xml
  { printf '\xef\xbb\xbf'; echo '<?xml version="1.0"?><project><name>not an answer file</name></project>'; } > dir/pom.xml
  { printf '\xef\xbb\xbf'; valid; } > dir/answer.xml
  before=$(cat outside/answer.xml outside/setup.ps1 dir/pom.xml | md5sum)
  run fix dir; expect 'dir/answer.xml:1:1: fixed: removed the UTF-8 byte-order mark'
  reject 'linked.xml'; reject 'script.xml'; reject 'pom.xml'
  [ "$(cat outside/answer.xml outside/setup.ps1 dir/pom.xml | md5sum)" = "$before" ] || fail "a file outside the answer files was rewritten"
  [ -L dir/linked.xml ] && [ -L dir/script.xml ] || fail "a link was replaced"
  rm -r dir outside ;;
fix_diff_hides_secrets)  # 5: fix --diff showed the encoded password it adds, keys and credentials as context, plaintext
  # A plaintext password (fix encodes it), a product key and join credentials near it, one value over two lines.
  secret_password='Tr0ub4-dor3'
  answer_file "$(component oobeSystem Microsoft-Windows-Shell-Setup amd64 \
      "<UserAccounts><AdministratorPassword><Value>$secret_password</Value><PlainText>true</PlainText></AdministratorPassword><LocalAccounts><LocalAccount wcm:action=\"add\"><Name>a</Name><Group>Administrators</Group><Password><Value>Tr0ub4
dor3-second-line</Value><PlainText>true</PlainText></Password></LocalAccount></LocalAccounts></UserAccounts>"
    component specialize Microsoft-Windows-Shell-Setup amd64 '<ProductKey>S3CR3-T0KEY-AAAAA-BBBBB-CCCCC</ProductKey>'
    component specialize Microsoft-Windows-UnattendedJoin amd64 '<Identification><Credentials><Domain>c0rpdomain</Domain><Password>j0inpass</Password><Username>j0inuser</Username></Credentials><JoinDomain>corp</JoinDomain></Identification>')" \
    | sed 's/></>\n</g' > in.xml
  encoded=$(printf '%s' "${secret_password}AdministratorPassword" | iconv -t UTF-16LE | base64 -w0)
  for args in "fix --diff in.xml" "fix --diff --select UA3005 in.xml" "fix --diff --disable plaintext-password in.xml"; do
    run $args
    for shown in "$encoded" S3CR3 c0rpdomain j0inpass j0inuser second-line; do reject "$shown"; done
  done
  run fix --diff in.xml; expect '<PlainText>false</PlainText>' ;;
long_time_zone)  # 9: a 5 MB TimeZone value (a 1 MB one took check 5.6 s: edit distance with every id); bounded by the 30 s of run
  answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 "<TimeZone>$(head -c 5000000 /dev/zero | tr '\0' x)</TimeZone><$(head -c 100000 /dev/zero | tr '\0' y)>1</$(head -c 100000 /dev/zero | tr '\0' y)>")" > in.xml
  run check in.xml; expect_exit 1; expect 'UA3010' ;;
planted_config)  # 11: a .unattend.yaml planted by another user, or writable by others, silenced root's checks
  mkdir -p shared/project
  answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ComputerName>ABCDEFGHIJKLMNOPQ</ComputerName>')" > shared/project/in.xml
  printf 'disable: [UA3010, UA7001]\n' > shared/.unattend.yaml
  chmod 0666 shared/.unattend.yaml
  run check shared/project/in.xml; expect_exit 1; expect 'UA3010'; expect 'unattend: warning: .*shared/.unattend.yaml: ignored: every user may write it \(mode 0666\)'
  chmod 0644 shared/.unattend.yaml
  if [ "$(id -u)" = 0 ]; then
    chown nobody shared/.unattend.yaml
    run check shared/project/in.xml; expect_exit 1; expect 'UA3010'; expect 'ignored: it belongs to another user'
    run fix shared/project/in.xml; expect 'ignored: it belongs to another user'
    chown 0 shared/.unattend.yaml
  fi
  run check shared/project/in.xml; expect_exit 0; reject 'warning'
  rm -r shared ;;
unreadable_folder)  # 11: a folder check cannot read passed silently (its answer files unchecked)
  mkdir -p dir/sub && valid > dir/a.xml && valid > dir/sub/b.xml && chmod 000 dir/sub
  if [ "$(id -u)" = 0 ]; then
    # Root reads every folder: the command runs as nobody, who cannot read sub.
    chmod 755 . dir
    bin=$UNATTEND
    UNATTEND=runuser run -u nobody -- "$bin" check dir
    UNATTEND=$bin
  else
    run check dir
  fi
  expect_exit 2; expect 'cannot read every folder below dir.*dir/sub: Permission denied'
  chmod 755 dir/sub; rm -r dir ;;
lsp_cr_line_ends)  # 3: header lines that end in CR alone
  body=$LSP_INIT
  { printf 'Content-Length: %d\r\r%s' "${#body}" "$body"; lsp_message "$LSP_EXIT"; } > in.lsp
  run --stdin in.lsp lsp; expect '"id":1,"jsonrpc":"2.0","result":\{"capabilities"' ;;
fix_honours_config)  # 11: fix rewrote the files .unattend.yaml excludes, and repaired what it disables
  mkdir -p repo/vendor repo/answers
  wrong_case="$(component specialize Microsoft-Windows-Shell-Setup amd64 '<Timezone>UTC</Timezone><computerName>a</computerName>')"
  answer_file "$wrong_case" > repo/vendor/in.xml
  answer_file "$wrong_case" > repo/answers/in.xml
  printf 'exclude: [vendor]\n' > repo/.unattend.yaml
  before=$(md5sum < repo/vendor/in.xml)
  run fix repo; expect 'answers/in.xml:.*fixed: renamed <Timezone> to <TimeZone>'; reject 'vendor'
  [ "$(md5sum < repo/vendor/in.xml)" = "$before" ] || fail "an excluded file was rewritten"
  run fix repo/vendor/in.xml; expect_exit 0; expect 'left as it is: .*repo/.unattend.yaml excludes it'
  [ "$(md5sum < repo/vendor/in.xml)" = "$before" ] || fail "an excluded file named on the command line was rewritten"
  run fix --no-config repo/vendor/in.xml; expect 'fixed: renamed <Timezone>'
  printf 'disable: [UA3005]\n' > repo/.unattend.yaml
  answer_file "$wrong_case" > repo/answers/in.xml
  run fix repo/answers/in.xml; reject 'fixed'; grep -q '<Timezone>' repo/answers/in.xml || fail "a disabled rule was repaired"
  rm -r repo ;;
fix_many_findings)  # 9: fix took 15 s for 1,000 fixable findings and over a minute for 10,000 (a full check per repair)
  answer_file "$(component oobeSystem Microsoft-Windows-Shell-Setup amd64 "<FirstLogonCommands>$(
      for i in $(seq 1 10000); do printf '<SynchronousCommand><commandLine>cmd /c echo %d</commandLine><Order>%d</Order></SynchronousCommand>\n' "$i" $(( (i - 1) % 500 + 1 )); done
    )</FirstLogonCommands>")" > in.xml
  run --seconds 60 fix in.xml
  [ "$(grep -c 'fixed: renamed <commandLine>' out.txt)" = 10000 ] || fail "not every element was renamed: $(grep -c fixed out.txt) repairs"
  [ "$(grep -c 'fixed: added wcm:action' out.txt)" = 10000 ] || fail "not every wcm:action was added"
  run fix in.xml; reject 'fixed:' ;;  # a second run changes nothing
lsp_reads_config)  # 11: the language server read no .unattend.yaml: excluded files and disabled rules were reported
  mkdir -p repo/vendor
  printf 'exclude: [vendor]\ndisable: [UA3005]\n' > repo/.unattend.yaml
  text=$(answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<Timezone>UTC</Timezone><ComputerName>ABCDEFGHIJKLMNOPQ</ComputerName>')" |
         sed 's/"/\\"/g' | tr '\n' ' ')
  open_at() {  # didOpen of FILE under the case's folder
    printf '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://%s","languageId":"xml","version":1,"text":"%s"}}}' "$WORK/$1" "$text"
  }
  { lsp_message "$LSP_INIT"; lsp_message "$(open_at repo/in.xml)"; lsp_message "$(open_at repo/vendor/in.xml)"
    lsp_message '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'; lsp_message "$LSP_EXIT"; } > in.lsp
  run --stdin in.lsp lsp; expect_exit 0
  expect "\"uri\":\"file://$WORK/repo/in.xml\""; expect 'UA3010'; reject 'UA3005'
  expect "\{\"diagnostics\":\[\],\"uri\":\"file://$WORK/repo/vendor/in.xml\"\}"
  rm -r repo ;;
lsp_cancel_request)  # issue 26: $/cancelRequest was ignored; a cancelled request is answered RequestCancelled, unworked
  text=$(answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ComputerName>build-01</ComputerName>')" |
         sed 's/"/\\"/g' | tr '\n' ' ')
  { lsp_message "$LSP_INIT"; lsp_message "$(lsp_open "$text")"
    lsp_message '{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/autounattend.xml"},"position":{"line":0,"character":300}}}'
    lsp_message '{"jsonrpc":"2.0","id":8,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///w/autounattend.xml"}}}'
    lsp_message '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":7}}'
    lsp_message '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'; lsp_message "$LSP_EXIT"; } > in.lsp
  run --stdin in.lsp lsp; expect_exit 0
  expect '"error":\{"code":-32800,"message":"cancelled by the client"\},"id":7'
  expect '"id":8,"jsonrpc":"2.0","result":\[\{'   # the request not cancelled is answered
  reject '"id":7,"jsonrpc":"2.0","result"' ;;

template_long_runs)  # issue 23: a placeholder opener then 300,000 letters (std::regex recursed per character: SIGSEGV)
  for opener in '$' '<%' '${' '{{' '{%' '@@' '__A' '<!A'; do
    { echo "$HEAD$OPEN<!-- $opener"; head -c 300000 /dev/zero | tr '\0' a; echo ' --></unattend>'; } > in.xml
    run check in.xml; expect_exit 0
  done ;;
template_many_openers)  # issue 23: 200,000 openers that never close, one line: linear, not quadratic
  { echo "$HEAD$OPEN<settings pass=\"specialize\">"
    for opener in '{{' '${' '<%' '{%' '@@' '%{'; do head -c 200000 /dev/zero | tr '\0' x | sed "s/x/$opener/g"; done
    echo '</settings></unattend>'; } > in.xml
  run --seconds 20 check in.xml; expect_exit 1 ;;
template_deep_blocks)  # issue 23: 200,000 nested {% if %} (recursion as deep as the nesting), closed and not
  { echo "$HEAD$OPEN<settings pass=\"specialize\">"; for _ in $(seq 200000); do printf '{%% if a %%}'; done
    for _ in $(seq 200000); do printf '{%% endif %%}'; done; echo '</settings></unattend>'; } > in.xml
  run --seconds 20 check in.xml; expect_exit 1; expect 'nested more than 64 deep'
  { echo "$HEAD$OPEN<settings pass=\"specialize\">"; for _ in $(seq 200000); do printf '{%% if a %%}'; done
    echo '</settings></unattend>'; } > in.j2.xml
  run --seconds 20 check --template jinja in.j2.xml; expect_exit 1; expect 'UA1109' ;;
template_vars_deep)  # issue 23: a vars file nested 100,000 deep and a template that uses it
  { printf 'x: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } > in.vars.yaml
  answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ComputerName>{{ x }}</ComputerName>')" > in.xml.j2
  run check --vars in.vars.yaml in.xml.j2; [ "$code" = 1 ] || [ "$code" = 2 ] || fail "exit $code; output: $out"
  run render --vars in.vars.yaml in.xml.j2 -o in.out.xml; [ "$code" = 1 ] || [ "$code" = 2 ] || fail "exit $code"
  no_files_but 'in\.vars\.yaml|in\.xml\.j2' ;;
template_vars_not_utf8)  # issue 23: a vars value with bytes that are not UTF-8 and control characters
  printf 'name: "a\\x01b"\nowner: !!binary /w==\n' > in.vars.yaml
  printf 'name: "\xff\xfe"\n' > in.vars2.yaml
  answer_file "$(component specialize Microsoft-Windows-Shell-Setup amd64 '<ComputerName>{{ name }}</ComputerName>')" > in.xml.j2
  run check --vars in.vars.yaml in.xml.j2; expect_exit 1
  run check --vars in.vars2.yaml in.xml.j2; expect_exit 1
  run render --vars in.vars.yaml in.xml.j2 -o in.out.xml; expect_exit 1
  no_files_but 'in\.vars\.yaml|in\.vars2\.yaml|in\.xml\.j2' ;;

*) echo "unknown case $CASE"; exit 2 ;;
esac

[ "$failures" = 0 ] || exit 1
echo "ok [$CASE]"

#!/bin/sh
# scripts/test-package installs the package only when asked (CI=true or
# TWITCHLOG_TEST_PACKAGE=1), never merely because it runs as root. Run on a
# copy of the script in a temporary folder, with cmake, cpack, dpkg-deb,
# dpkg, id, sudo and apt-get replaced by stubs: apt-get records that it was
# called, and id says root unless FAKE_UID says otherwise.
#   tests/test-package-asks.sh SOURCE_DIR
set -u
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tree/scripts" "$work/stubs"
cp "$source_dir/scripts/test-package" "$work/tree/scripts/"
s=$work/stubs
printf '#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = -B ] && mkdir -p "$2"; shift; done\n' > "$s/cmake"
printf '#!/bin/sh\ntouch twitchlog_0.1.0_amd64.deb\n' > "$s/cpack"
cat > "$s/dpkg-deb" <<'STUB'
#!/bin/sh
case $1 in
  -f) echo "libfmt9 (>= 9), libc6" ;;
  -c) for f in ./usr/bin/twitchlog ./usr/share/man/man1/twitchlog.1 ./usr/share/man/man5/twitchlog-journal.5 \
        ./usr/share/man/man5/twitchlog-rules.5 ./usr/share/bash-completion/completions/twitchlog \
        ./usr/share/zsh/vendor-completions/_twitchlog ./usr/share/fish/vendor_completions.d/twitchlog.fish \
        ./usr/share/doc/twitchlog/examples/rules.toml ./usr/share/doc/twitchlog/examples/example.journal; do
        echo "-rw-r--r-- root/root 1 2026-01-01 00:00 $f"
      done ;;
esac
STUB
printf '#!/bin/sh\necho "${FAKE_UID:-0}"\n' > "$s/id"
printf '#!/bin/sh\necho "apt-get was called" >> "%s/apt.log"; exit 1\n' "$work" > "$s/apt-get"
printf '#!/bin/sh\nexit 1\n' > "$s/dpkg"
printf '#!/bin/sh\nexit 1\n' > "$s/sudo"
chmod +x "$s"/*

failures=0
# expect STATUS INSTALLS(yes|no) MESSAGE VAR=VALUE...
expect() {
  status=$1 installs=$2 message=$3
  shift 3
  rm -f "$work/apt.log"
  out=$(env -u CI -u TWITCHLOG_TEST_PACKAGE "$@" PATH="$s:$PATH" sh "$work/tree/scripts/test-package" 2>&1)
  got=$?
  tried=no
  [ -e "$work/apt.log" ] && tried=yes
  case $out in *"$message"*) said=yes ;; *) said=no ;; esac
  if [ "$got" -ne "$status" ] || [ "$tried" != "$installs" ] || [ "$said" != yes ]; then
    echo "FAILED: [$*]: status $got (expected $status), apt-get called: $tried (expected $installs), message \"$message\": $said"
    printf '%s\n' "$out" | sed 's/^/  /'
    failures=$((failures + 1))
  else
    echo "ok: [$*]: status $got, apt-get called: $tried"
  fi
}
expect 0 no "not installed (installing it, checking it and removing it is done only when asked"
expect 0 no "only when asked" FAKE_UID=0
expect 1 yes "" CI=true
expect 1 yes "" TWITCHLOG_TEST_PACKAGE=1
expect 0 no "only when asked" CI=false
expect 0 no "only when asked" CI=true TWITCHLOG_TEST_PACKAGE=0
expect 2 no 'TWITCHLOG_TEST_PACKAGE must be 1 or 0, not "yes"' TWITCHLOG_TEST_PACKAGE=yes
expect 0 no "not root and no sudo: the package is built and checked, but not installed" FAKE_UID=1000 CI=true
expect 1 no "error: TWITCHLOG_TEST_PACKAGE=1, but not root and no sudo" FAKE_UID=1000 TWITCHLOG_TEST_PACKAGE=1
[ "$failures" -eq 0 ]

# cargo-pgrx must be the version of the pgrx the extension uses: the one in Cargo.lock.
version=$(sed -n '/^name = "pgrx"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock 2>/dev/null)
if [ -z "$version" ]; then
  echo "no pgrx in Cargo.lock: commit Cargo.lock, so CI builds with the cargo-pgrx of your pgrx" >&2
  exit 1
fi
if ! cargo pgrx --version 2>/dev/null | grep -qF " $version"; then
  cargo install --locked --force cargo-pgrx --version "$version"
fi
cargo pgrx init "--pg$PG_MAJOR" "$PG_CONFIG"

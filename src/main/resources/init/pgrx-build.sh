# build TREE STAGE: cargo pgrx package stages the build as the installation would hold it; the feature
# pgMAJOR picks the PostgreSQL major (add the crate's other features there). One target folder for both
# trees: the second build reuses the first's compiled dependencies.
export CARGO_TARGET_DIR="$PWD/target"
build() {
  (cd "$1" && cargo pgrx package --pg-config "$PG_CONFIG" --out-dir "$2" \
    --no-default-features --features "pg$PG_MAJOR")
}

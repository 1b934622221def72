# Debian's layout: /usr/lib/postgresql/MAJOR/bin; headers and PGXS are in postgresql-server-dev-MAJOR.
pg_config="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
if [ -x "/usr/lib/postgresql/$PG_MAJOR/bin/initdb" ] && [ -x "$pg_config" ] \
  && [ -f "/usr/include/postgresql/$PG_MAJOR/server/postgres.h" ]; then
  echo "PostgreSQL $PG_MAJOR and its headers are installed already"
else
  # The PGDG repository has every supported major. No default cluster: perfgate starts throwaway ones,
  # and an idle server would share the runner's CPUs with the benchmark.
  @SUDO@apt-get -q update
  @SUDO@apt-get -q install -y postgresql-common
  echo 'create_main_cluster = false' | @SUDO@tee -a /etc/postgresql-common/createcluster.conf >/dev/null
  @SUDO@/usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y
  @SUDO@apt-get -q install -y "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR"@PACKAGES@
fi
"$pg_config" --version

package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import org.postgresql.PGProperty;
import org.postgresql.jdbcurlresolver.PgPassParser;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A real server named with {@code --db jdbc:postgresql://HOST[:PORT]/DB}. The user comes from the URL,
 * {@code PGUSER} or the login name; the password from the URL, {@code PGPASSWORD} or {@code ~/.pgpass} (pgjdbc's
 * parser, so {@code PGPASSFILE} works too). The password is never printed: {@link #description()} shows the
 * URL without its query string.
 */
public final class ExternalServer implements DatabaseServer {

    private final String url;
    private final Properties properties;

    private ExternalServer(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    public static ExternalServer of(String given) {
        String url = jdbcUrl(given);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new PerfgateException("--db " + redact(url) + " is not a PostgreSQL URL: write "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE or postgresql://[USER@]HOST[:PORT]/DATABASE");
        }
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        if (parsed == null) throw new PerfgateException("--db " + redact(url) + " cannot be parsed: write jdbc:postgresql://HOST[:PORT]/DATABASE");
        Properties props = ServerSettings.connectionProperties();
        String user = firstNonBlank(PGProperty.USER.getOrDefault(parsed), System.getenv("PGUSER"),
                System.getProperty("user.name"));
        props.setProperty("user", user);
        String password = firstNonBlank(PGProperty.PASSWORD.getOrDefault(parsed), System.getenv("PGPASSWORD"),
                PgPassParser.getPassword(PGProperty.PG_HOST.getOrDefault(parsed), PGProperty.PG_PORT.getOrDefault(parsed),
                        PGProperty.PG_DBNAME.getOrDefault(parsed), user));
        if (password != null) props.setProperty("password", password);
        return new ExternalServer(url, props);
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return new org.postgresql.Driver().connect(database == null ? url : withDatabase(url, database), properties);
    }

    /** The URL with its database replaced, e.g. {@code jdbc:postgresql://h:5432/app?ssl=true} to {@code .../other?ssl=true}. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int slash = hosts < 0 ? -1 : url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String head = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        String tail = query < 0 ? "" : url.substring(query);
        return head + "/" + database + tail;
    }

    @Override
    public String description() {
        return redact(url);
    }

    @Override
    public void close() {
        // perfgate did not start this server, so it leaves it running
    }

    /**
     * A JDBC URL for {@code url}, which may also be written libpq's way, {@code postgresql://[user[:password]@]host
     * [:port]/db[?...]} (or {@code postgres://}): the user and password move into the query string, where pgjdbc reads
     * them. Anything else is returned as it is.
     */
    public static String jdbcUrl(String url) {
        String rest;
        if (url.startsWith("postgresql://")) rest = url.substring("postgresql://".length());
        else if (url.startsWith("postgres://")) rest = url.substring("postgres://".length());
        else return url;
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        if (at < 0) return "jdbc:postgresql://" + authority + path;
        String userInfo = authority.substring(0, at);
        String hosts = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String credentials = "user=" + (colon < 0 ? userInfo : userInfo.substring(0, colon))
                + (colon < 0 ? "" : "&password=" + userInfo.substring(colon + 1));
        return "jdbc:postgresql://" + hosts + path + (path.contains("?") ? "&" : "?") + credentials;
    }

    /** The URL without its query string (where a password may be) and without user:password@. */
    public static String redact(String url) {
        String s = url;
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(0, q);
        return s.replaceAll("//[^/@]*@", "//");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}

package org.chipplace.api.service.pg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for one test class: a Testcontainers PostgreSQL when Docker is
 * available, otherwise a new database {@code chipplace_test_<random>} on the server named by
 * {@code CHIPPLACE_TEST_PG_URL} / {@code CHIPPLACE_TEST_PG_USER} / {@code CHIPPLACE_TEST_PG_PASSWORD}
 * (dropped by {@link #close()}). With neither, the test is skipped, except on CI
 * ({@code CI=true}) where it fails.
 */
final class PgDatabase implements AutoCloseable {
    final String url;
    final String user;
    final String password;
    private final String adminUrl;
    private final String dbName;
    private final PostgreSQLContainer<?> container;

    private PgDatabase(String url, String user, String password, String adminUrl, String dbName,
                       PostgreSQLContainer<?> container) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.adminUrl = adminUrl;
        this.dbName = dbName;
        this.container = container;
    }

    static PgDatabase create() throws SQLException {
        if (dockerAvailable()) {
            PostgreSQLContainer<?> c = new PostgreSQLContainer<>("postgres:16-alpine");
            c.start();
            return new PgDatabase(c.getJdbcUrl(), c.getUsername(), c.getPassword(), null, null, c);
        }
        String base = System.getenv("CHIPPLACE_TEST_PG_URL");
        if (base == null || base.isBlank()) {
            String why = "PostgreSQL tests need Docker or CHIPPLACE_TEST_PG_URL (e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/postgres) and CHIPPLACE_TEST_PG_USER";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; on CI they must run");
            }
            Assumptions.abort(why);
        }
        String user = envOr("CHIPPLACE_TEST_PG_USER", "postgres");
        String password = envOr("CHIPPLACE_TEST_PG_PASSWORD", "");
        String db = "chipplace_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
        return new PgDatabase(withDatabase(base, db), user, password, base, db, null);
    }

    /** The JDBC URL {@code base} with its database name replaced by {@code db} (query kept). */
    /**
     * {@link #create()}, dropped when the JVM ends: for a class whose Spring context (closed only after
     * the class, or cached) keeps using the database after its {@code @AfterAll}.
     */
    static PgDatabase createDroppedAtExit() throws SQLException {
        PgDatabase db = create();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (SQLException e) {
                System.err.println("could not drop the test database: " + e.getMessage());
            }
        }));
        return db;
    }

    /** Points Spring's datasource at this database (for a {@code @DynamicPropertySource}). */
    void register(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> url);
        r.add("spring.datasource.username", () -> user);
        r.add("spring.datasource.password", () -> password);
    }

    static String withDatabase(String base, String db) {
        int q = base.indexOf('?');
        String head = q < 0 ? base : base.substring(0, q);
        String query = q < 0 ? "" : base.substring(q);
        int slash = head.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return head + "/" + db + query;
        }
        return head.substring(0, slash + 1) + db + query;
    }

    private static boolean dockerAvailable() {
        boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!socket) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** Spring Boot arguments that point a context at this database. */
    String[] springArgs() {
        return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password};
    }

    @Override
    public void close() throws SQLException {
        if (container != null) {
            container.stop();
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + dbName + " with (force)");
        }
    }
}

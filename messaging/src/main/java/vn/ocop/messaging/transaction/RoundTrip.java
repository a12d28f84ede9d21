package vn.ocop.messaging.transaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Statements that go to PostgreSQL together and come back together: one network round trip for
 * all of them instead of one each. They run one after the other, in the current transaction, as
 * if sent one by one, so a later statement sees what an earlier one wrote.
 *
 * <p>This is the PostgreSQL driver's own support for several statements in one prepared
 * statement: it sends each statement's messages and one {@code Sync}, then reads every answer.
 * On a machine whose cores are busy, each round trip of a transaction waits for the database's
 * process and then the caller's to get a core, so a transaction of a few statements that must
 * follow each other spends more time waiting than working; statements that do not need each
 * other's answers in Java can share one trip.
 *
 * <p>When a statement fails, the ones after it do not run and {@code run} throws, and the
 * transaction must be rolled back, as after any failed statement. A statement's rows are handed
 * over as the answers are read, once the whole round trip has run; should a row's handler throw,
 * the statements' remaining rows are not read.
 */
public final class RoundTrip {

    private record Part(String sql, Object[] params, @Nullable RowCallbackHandler rows) {
    }

    private final List<Part> parts = new ArrayList<>();

    /** A statement whose answer is not needed: a write, or a query run for its effect (a lock). */
    public RoundTrip add(String sql, Object... params) {
        parts.add(new Part(statement(sql), params, null));
        return this;
    }

    /** A query, or a write with {@code RETURNING}: each of its rows goes to {@code rows} once the trip has run. */
    public RoundTrip query(String sql, RowCallbackHandler rows, Object... params) {
        parts.add(new Part(statement(sql), params, rows));
        return this;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Sends the statements added so far, in the order they were added, on the current transaction's connection. */
    public void run(JdbcTemplate jdbc) {
        if (parts.isEmpty()) {
            return;
        }
        List<Part> sent = take();
        jdbc.execute(sql(sent), (PreparedStatementCallback<@Nullable Void>) statement -> {
            send(statement, sent);
            return null;
        });
    }

    /** Sends the statements added so far, in the order they were added, on this connection. */
    public void run(Connection connection) throws SQLException {
        if (parts.isEmpty()) {
            return;
        }
        List<Part> sent = take();
        try (PreparedStatement statement = connection.prepareStatement(sql(sent))) {
            send(statement, sent);
        }
    }

    private List<Part> take() {
        List<Part> sent = List.copyOf(parts);
        parts.clear();
        return sent;
    }

    private static String sql(List<Part> sent) {
        return sent.stream().map(Part::sql).collect(Collectors.joining(";\n"));
    }

    private static void send(PreparedStatement statement, List<Part> sent) throws SQLException {
        new ArgumentPreparedStatementSetter(sent.stream().flatMap(part -> Arrays.stream(part.params())).toArray())
                .setValues(statement);
        read(statement, sent);
    }

    private static void read(PreparedStatement statement, List<Part> sent) throws SQLException {
        boolean rowsNext = statement.execute();
        for (Part part : sent) {
            if (rowsNext) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        if (part.rows() != null) {
                            part.rows().processRow(rows);
                        }
                    }
                }
            }
            else if (part.rows() != null) {
                throw new IllegalStateException("expected rows from: " + part.sql());
            }
            rowsNext = statement.getMoreResults();
        }
    }

    private static String statement(String sql) {
        String statement = sql.strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1);
        }
        if (statement.isEmpty() || statement.contains(";")) {
            throw new IllegalArgumentException("one statement at a time: " + sql);
        }
        return statement;
    }
}

package vn.ocop.evaluation.council;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.web.Cursor;

/** Councils and their members in evaluation's database. */
@Repository
public class Councils {

    private record Row(UUID id, String name, String level, @Nullable String region, Instant createdAt) {
    }

    private record MemberRow(UUID councilId, String name, @Nullable String role) {
    }

    private final JdbcClient jdbc;

    Councils(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The council that takes a case of this level from this province: the province's own council
     * of that level, else the level's council for every province; the oldest when several fit.
     */
    public Optional<Council> assign(String level, String province) {
        return jdbc.sql("""
                select id, name, level, region, created_at from council
                where level = ? and (region = ? or region is null)
                order by region is null, created_at, id
                limit 1
                """)
                .params(level, province)
                .query(Row.class)
                .optional()
                .map(row -> withMembers(List.of(row)).getFirst());
    }

    public Optional<Council> find(UUID id) {
        return jdbc.sql("select id, name, level, region, created_at from council where id = ?").param(id)
                .query(Row.class).optional().map(row -> withMembers(List.of(row)).getFirst());
    }

    List<Council> list(@Nullable String level, @Nullable String region, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select id, name, level, region, created_at from council where true");
        List<Object> params = new ArrayList<>();
        if (level != null) {
            sql.append(" and level = ?");
            params.add(level);
        }
        if (region != null) {
            sql.append(" and region = ?");
            params.add(region);
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        return withMembers(jdbc.sql(sql.toString()).params(params).query(Row.class).list());
    }

    Council insert(String name, String level, @Nullable String region, List<Council.Member> members) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into council (id, name, level, region) values (?, ?, ?, ?)")
                .params(id, name, level, region).update();
        for (int i = 0; i < members.size(); i++) {
            jdbc.sql("insert into council_member (council_id, position, name, role) values (?, ?, ?, ?)")
                    .params(id, i + 1, members.get(i).name(), members.get(i).role()).update();
        }
        return find(id).orElseThrow();
    }

    boolean exists(String name, String level, @Nullable String region) {
        return jdbc.sql("select count(*) from council where name = ? and level = ? and coalesce(region, '*') = coalesce(?, '*')")
                .params(name, level, region).query(Integer.class).single() > 0;
    }

    private List<Council> withMembers(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Council.Member>> members = new LinkedHashMap<>();
        jdbc.sql("select council_id, name, role from council_member where council_id = any(?) order by council_id, position")
                .param(rows.stream().map(Row::id).toArray(UUID[]::new))
                .query(MemberRow.class).list()
                .forEach(m -> members.computeIfAbsent(m.councilId(), id -> new ArrayList<>())
                        .add(new Council.Member(m.name(), m.role())));
        return rows.stream().map(r -> new Council(r.id(), r.name(), r.level(), r.region(),
                members.getOrDefault(r.id(), List.of()), r.createdAt())).toList();
    }
}

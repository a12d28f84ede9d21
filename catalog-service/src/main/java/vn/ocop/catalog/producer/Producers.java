package vn.ocop.catalog.producer;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Producers in catalog's database. */
@Repository
public class Producers {

    private final JdbcClient jdbc;

    Producers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Producer insert(ProducerController.NewProducer p) {
        return jdbc.sql("""
                insert into producer (id, name, type, tax_code, province, commune, address, phone, email)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning *
                """)
                .params(UUID.randomUUID(), p.name().strip(), p.type().name(), p.taxCode().strip(), p.province().strip(),
                        p.commune(), p.address(), p.phone(), p.email())
                .query(Producer.class)
                .single();
    }

    public Optional<Producer> find(UUID id) {
        return jdbc.sql("select * from producer where id = ?").param(id).query(Producer.class).optional();
    }
}

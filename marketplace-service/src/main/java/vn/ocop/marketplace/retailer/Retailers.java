package vn.ocop.marketplace.retailer;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Retailers in marketplace's database. */
@Repository
public class Retailers {

    private final JdbcClient jdbc;

    Retailers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Retailer insert(RetailerController.NewRetailer r) {
        return jdbc.sql("""
                insert into retailer (id, name, type, tax_code, province, address, email)
                values (?, ?, ?, ?, ?, ?, ?)
                returning *
                """)
                .params(UUID.randomUUID(), r.name().strip(), r.type().name(), r.taxCode().strip(), r.province().strip(),
                        r.address(), r.email())
                .query(Retailer.class)
                .single();
    }

    public Optional<Retailer> find(UUID id) {
        return jdbc.sql("select * from retailer where id = ?").param(id).query(Retailer.class).optional();
    }
}

package com.ecolaura.database.boundary;

import com.ecolaura.database.control.ShopDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with a database: without one the shop cannot serve anything that is not cached. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = ShopDatabase.APPLICATION_POOL)
    DataSource applicationPool;

    @Override
    public HealthCheckResponse call() {
        var check = HealthCheckResponse.named("database");
        try (var connection = ShopDatabase.choose(applicationPool).getConnection()) {
            return check.status(connection.isValid(2)).build();
        } catch (SQLException | IllegalStateException e) {
            return check.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}

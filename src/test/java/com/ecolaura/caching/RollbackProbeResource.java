package com.ecolaura.caching;

import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.entity.ProductInput;
import com.ecolaura.profiles.control.ProfileStore;
import com.ecolaura.profiles.entity.ProfileInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * Test-only, added to the deployed WAR by {@link CachingIT}: runs the shop's real writes inside a
 * transaction that then rolls back, as any later failure in a larger unit of work would make it.
 */
@Path("test/rollback")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
public class RollbackProbeResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ProfileStore profiles;

    @PUT
    @Path("products/{id}")
    @Transactional
    public void updateProductThenRollBack(@PathParam("id") long id, ProductInput input) {
        catalog.update(id, input, Set.of());
        throw new ClientErrorException("rolled back on purpose, after the update was flushed", 409);
    }

    @PUT
    @Path("profiles/{userId}")
    @Transactional
    public void saveProfileThenRollBack(@PathParam("userId") String userId, ProfileInput input) {
        profiles.save(userId, input, Set.of());
        throw new ClientErrorException("rolled back on purpose, after the profile was saved", 409);
    }
}

package com.ecolaura.sessions.boundary;

import com.ecolaura.catalog.control.ProductCatalog;
import com.ecolaura.catalog.entity.ProductView;
import com.ecolaura.problems.boundary.Parameters;
import com.ecolaura.sessions.control.SessionStore;
import com.ecolaura.sessions.entity.CartItemInput;
import com.ecolaura.sessions.entity.CartView;
import com.ecolaura.sessions.entity.ShopperSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The shopper's cart, in their session; prices come from the (cached) catalog when the cart is read. */
@Path("cart")
@Tag(name = "sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CartResource {

    @Inject
    SessionStore sessions;

    @Inject
    ProductCatalog catalog;

    @GET
    public Response cart(@CookieParam(SessionCookie.NAME) String sessionId) {
        return personal(view(session(sessionId)));
    }

    @PUT
    @Path("items/{productId}")
    public Response setItem(
            @CookieParam(SessionCookie.NAME) String sessionId,
            @PathParam("productId") String productId,
            @Valid @NotNull CartItemInput item) {
        var session = session(sessionId);
        long id = Parameters.id("product id", productId);
        catalog.find(id); // 404 for a product that does not exist
        sessions.setQuantity(session.id(), id, item.quantity());
        return personal(view(session(sessionId)));
    }

    private ShopperSession session(String sessionId) {
        return sessions.find(sessionId).orElseThrow(SessionCookie::missing);
    }

    private CartView view(ShopperSession session) {
        var lines = new ArrayList<CartView.Line>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = "EUR";
        for (var item : session.cart().entrySet()) {
            var found = product(item.getKey());
            if (found.isEmpty()) {
                continue; // deleted since it was put in the cart
            }
            var product = found.get();
            BigDecimal lineTotal = product.price().multiply(BigDecimal.valueOf(item.getValue()));
            lines.add(new CartView.Line(product.id(), product.name(), item.getValue(), product.price(), lineTotal));
            total = total.add(lineTotal);
            currency = product.currency();
        }
        return new CartView(session.userId(), lines, total, currency);
    }

    /** A cart is one shopper's: never stored by a shared cache. */
    private static Response personal(CartView cart) {
        return Response.ok(cart)
                .cacheControl(CacheControl.valueOf("private, no-store"))
                .build();
    }

    private Optional<ProductView> product(long id) {
        try {
            return Optional.of(catalog.find(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}

package com.ecolaura.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ecolaura.catalog.entity.ProductViewed;
import com.ecolaura.sessions.entity.ShopperSession;
import org.junit.jupiter.api.Test;

class SessionCookieNameTest {

    @Test
    void theCatalogReadsTheCookieTheSessionsHandOut() {
        // named twice so that the catalog does not depend on the sessions component
        assertEquals(ShopperSession.COOKIE, ProductViewed.SESSION_COOKIE);
    }
}

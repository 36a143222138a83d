package com.ecolaura.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `mvn package` built, exactly as operators deploy it. */
public final class ShopDeployment {

    private ShopDeployment() {}

    public static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "ecolaura.war")
                .importFrom(new File(System.getProperty("ecolaura.war")))
                .as(WebArchive.class);
    }
}

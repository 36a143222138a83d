package com.ecolaura.benchmark;

import com.ecolaura.testing.Browser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The storefront's product page ({@code /?product=<id>}) in a cold headless Chromium, then again
 * in the same browser (the repeat view): navigation timing's DOMContentLoaded and load, and the
 * page's own mark for "everything shown" (product, score, listing and trending rendered).
 */
final class PageLoad {

    record Timing(double domContentLoadedMs, double loadMs, double contentReadyMs) {}

    record Views(Timing cold, Timing repeat) {}

    private static final String READ_TIMING =
            """
            const n = performance.getEntriesByType('navigation')[0];
            const ready = performance.getEntriesByName('ecolaura:content-ready')[0];
            return [n.domContentLoadedEventEnd, n.loadEventEnd, ready ? ready.startTime : -1];""";

    private PageLoad() {}

    /**
     * With {@code browserCaching} false, Chromium's cache is off (as if assets had no cache
     * headers); with {@code roundTripMillis} above 0, Chromium emulates a network with that round
     * trip and 10 Mbit/s down, 5 up (a shopper at home, rather than loopback).
     */
    static Views measure(URI base, long productId, boolean browserCaching, int roundTripMillis) {
        try (var browser = new Browser()) {
            var driver = browser.driver();
            driver.executeCdpCommand("Network.enable", Map.of());
            if (!browserCaching) {
                driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            }
            if (roundTripMillis > 0) {
                driver.executeCdpCommand(
                        "Network.emulateNetworkConditions",
                        Map.of(
                                "offline",
                                false,
                                "latency",
                                roundTripMillis,
                                "downloadThroughput",
                                1_250_000,
                                "uploadThroughput",
                                625_000));
            }
            String url = base.resolve("/?product=" + productId).toString();
            Timing cold = view(browser, url);
            driver.get("about:blank");
            Timing repeat = view(browser, url);
            return new Views(cold, repeat);
        }
    }

    private static Timing view(Browser browser, String url) {
        var driver = browser.driver();
        driver.get(url);
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> (Boolean) driver.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                        + "return n.loadEventEnd > 0"
                        + " && performance.getEntriesByName('ecolaura:content-ready').length > 0;"));
        @SuppressWarnings("unchecked")
        List<Number> values = (List<Number>) driver.executeScript(READ_TIMING);
        return new Timing(
                values.get(0).doubleValue(),
                values.get(1).doubleValue(),
                values.get(2).doubleValue());
    }
}

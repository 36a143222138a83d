vcl 4.1;
# The shop's edge cache (docs/caching.md, "The edge"). Debian: apt-get install varnish varnish-modules;
# varnishd -a :80 -f /etc/varnish/ecolaura.vcl -s malloc,1g
# The shop purges it after each write: ecolaura.edge.purge-urls=http://<this host>:80

import std;
import xkey;

backend shop {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 1s;
    .first_byte_timeout = 10s;
    .probe = {
        .url = "/health/live";
        .interval = 2s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# who may purge: the shop's instances (add their addresses)
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # only the edge says a request is its own fetch
    unset req.http.X-Ecolaura-Edge-Fetch;
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge names the surrogate keys to purge"));
        }
        set req.http.purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.purged));
    }
    # never a shopper's own answer: anything with credentials or a session goes to the shop
    if ((req.method != "GET" && req.method != "HEAD") || req.http.Authorization || req.http.Cookie) {
        set req.http.x-edge-pass = "1";
        return (pass);
    }
    # a healthy shop refreshes a stale copy in the background within 30 s past its TTL; while the
    # shop is down, what the edge holds is served for up to a day rather than an error
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # a fetch to fill the edge is not a shopper viewing a product: the shop does not count it (the
    # storefront sends a beacon for a view the edge answered); a passed request is the shopper's own
    if (!bereq.uncacheable) {
        set bereq.http.X-Ecolaura-Edge-Fetch = "1";
    }
}

sub vcl_backend_response {
    # a refresh that fails keeps the copy the edge has
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # only what the shop calls public, and never what sets a cookie
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "(^|[ ,])public([ ,]|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Surrogate-Control is for this cache alone: the cache's whole TTL, since a write purges the copy
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(
            regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1") + "s", 0s);
        set beresp.http.x-edge-purged = "1";
        unset beresp.http.Surrogate-Control;
    }
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    # purged on change: its age at the edge does not shorten the browser's max-age
    if (resp.http.x-edge-purged) {
        set resp.http.Age = "0";
        unset resp.http.x-edge-purged;
    }
    unset resp.http.xkey;
    if (req.http.x-edge-pass) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

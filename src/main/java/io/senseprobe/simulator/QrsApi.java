package io.senseprobe.simulator;

import static io.senseprobe.simulator.Json.obj;

import java.util.List;

/** The light repository calls a connection test and the services check use. Paths are case-insensitive, as on real servers. */
final class QrsApi {
    static final String BUILD_VERSION = "31.43.0.0";
    static final int APP_COUNT = 3;
    private static final String NODE_ID = "2f5e2a7c-8b1d-4c3e-9a6f-0d1e2c3b4a59";

    private QrsApi() {
    }

    static Response handle(Incoming request, SiteServices services) {
        if (!Xrfkey.passes(request)) {
            return Xrfkey.rejection();
        }
        String path = String.join("/", request.lowerSegments());
        return switch (path) {
            case "qrs/about" -> Response.json(200, about());
            case "qrs/about/api/description" -> Response.json(200, List.of(
                    "GET /qrs/about", "GET /qrs/about/api/description", "GET /qrs/app/count",
                    "GET /qrs/servernodeconfiguration/local", "GET /qrs/about/api/enums", "GET /qrs/servicestatus/full"));
            case "qrs/about/api/enums" -> Response.json(200, SiteServices.enums());
            case "qrs/servicestatus/full" -> Response.json(200, services.full());
            case "qrs/app/count" -> Response.json(200, obj("value", APP_COUNT));
            case "qrs/servernodeconfiguration/local" -> Response.json(200, obj(
                    "id", NODE_ID, "name", "Central", "hostName", "sense-sim", "isCentral", true, "nodePurpose", 0,
                    "engineEnabled", true, "proxyEnabled", true, "schedulerEnabled", true, "printingEnabled", true,
                    "schemaPath", "ServerNodeConfiguration"));
            default -> Response.empty(404);
        };
    }

    static Object about() {
        return obj("buildVersion", BUILD_VERSION, "buildDate", "10/8/2021 12:43:37 PM",
                "databaseProvider", "Devart.Data.PostgreSql", "nodeType", 1, "sharedPersistence", true,
                "requiresBootstrap", false, "singleNodeOnly", false, "schemaPath", "About");
    }
}

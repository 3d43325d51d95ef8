package io.senseprobe.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The X-Qlik-User header: {@code UserDirectory=<dir>; UserId=<id>}, with or without the space, keys in any case. */
record QlikUser(String directory, String id) {
    static final QlikUser NONE = new QlikUser(null, null);

    static QlikUser parse(String header) {
        if (header == null) {
            return NONE;
        }
        String directory = null;
        String id = null;
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = URLDecoder.decode(part.substring(eq + 1).trim(), StandardCharsets.UTF_8);
            if (key.equals("userdirectory")) {
                directory = value;
            } else if (key.equals("userid")) {
                id = value;
            }
        }
        return new QlikUser(directory, id);
    }
}

package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionKeys.AUTH_CERT_FILE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_CERT_KEY_FILE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_CERT_KEY_PASSPHRASE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_ROOT_CERT_FILE;

import io.senseprobe.pem.PemException;
import io.senseprobe.pem.PemReader;
import io.senseprobe.result.Category;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds and reads the PEM files of a connection, so a missing file or a wrong passphrase is reported when the
 * definitions load rather than at the first check. Given paths resolve against the path base (app home for
 * files, current directory for the CLI); defaults always resolve against the app home.
 */
record CertFiles(Path appHome, Path pathBase, ConnectionValues values, AllowedFolders allowedFolders) {
    static final String DEFAULT_CERT = "config/client.pem";
    static final String DEFAULT_KEY = "config/client_key.pem";
    static final String DEFAULT_ROOT = "config/root.pem";

    /** The client certificate, checked to hold at least one PEM certificate. */
    Path clientCertificate() {
        return path(AUTH_CERT_FILE, DEFAULT_CERT).filter(file -> readCertificates(AUTH_CERT_FILE, file, "Client certificate file")).orElse(null);
    }

    /** The client key, checked to decrypt with the passphrase when it is encrypted. */
    Path clientKey(String passphrase) {
        Optional<Path> file = path(AUTH_CERT_KEY_FILE, DEFAULT_KEY);
        if (file.isEmpty()) {
            return null;
        }
        try {
            PemChecks.check(file.get(), "key:" + passphrase, () -> PemReader.readPrivateKey(file.get(), passphrase));
            return file.get();
        } catch (PemException e) {
            String key = e.category() == Category.KEY_PASSPHRASE ? AUTH_CERT_KEY_PASSPHRASE : AUTH_CERT_KEY_FILE;
            values.problem(key, lowerFirst(e.getMessage()), e.fix() + defaultNote(AUTH_CERT_KEY_FILE, DEFAULT_KEY, e), e.category());
            return null;
        }
    }

    /**
     * The root CA file. A given path must hold certificates. Without one, the default is used when
     * {@code defaultRequired}, or when it exists; else there is no extra CA (null).
     */
    Path rootCertificate(boolean useDefault, boolean defaultRequired) {
        if (!values.has(AUTH_ROOT_CERT_FILE)) {
            if (!useDefault) {
                return null;
            }
            Path defaultRoot = appHome.resolve(DEFAULT_ROOT).normalize();
            if (!defaultRequired && !Files.exists(defaultRoot)) {
                return null;
            }
        }
        return path(AUTH_ROOT_CERT_FILE, DEFAULT_ROOT)
                .filter(file -> readCertificates(AUTH_ROOT_CERT_FILE, file, "Root certificate file")).orElse(null);
    }

    private Optional<Path> path(String key, String defaultPath) {
        if (!values.has(key) && values.mistyped(key)) {
            // the typo's own problem says it; the default file is not what was meant
            return Optional.empty();
        }
        if (!values.has(key)) {
            return Optional.of(appHome.resolve(defaultPath).normalize());
        }
        Optional<String> text = values.text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            values.problem(key, "is empty.", "Give the path of the file, or remove the key to use " + defaultPath + " under the app home.");
            return Optional.empty();
        }
        try {
            Path file = pathBase.resolve(text.get().trim()).toAbsolutePath().normalize();
            // a given path only: the defaults are the service's own files, which a definition cannot move
            return allowedFolders.allows(values, key, file, "the file ") ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            values.problem(key, "\"" + text.get() + "\" is not a valid path.", "Give the path of the file.");
            return Optional.empty();
        }
    }

    private boolean readCertificates(String key, Path file, String what) {
        try {
            PemChecks.check(file, what, () -> PemReader.readCertificates(file, what));
            return true;
        } catch (PemException e) {
            values.problem(key, lowerFirst(e.getMessage()), e.fix() + defaultNote(key, pathFor(key), e), e.category());
            return false;
        }
    }

    private static String pathFor(String key) {
        return key.equals(AUTH_CERT_FILE) ? DEFAULT_CERT : DEFAULT_ROOT;
    }

    // when the default was used, say which key would point elsewhere
    private String defaultNote(String key, String defaultPath, PemException e) {
        return values.has(key) || e.category() != Category.CERT_FILE ? ""
                : " Without \"" + key + "\" the file " + defaultPath + " under the app home is used.";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}

package io.senseprobe.check;

import org.apache.hc.core5.http.HttpException;

/** HTTPS_PROXY is not a proxy URL: found before connecting; the message names the variable and the fix. */
public final class ProxySettingException extends HttpException {
    public ProxySettingException(String message) {
        super(message);
    }
}

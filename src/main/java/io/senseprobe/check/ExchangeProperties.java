package io.senseprobe.check;

/** The exchange properties the routes (routes/*.camel.yaml) and the Java code share; message headers would go to Sense. */
public final class ExchangeProperties {
    /** The {@link CheckAttempt} of the check the exchange runs. */
    public static final String ATTEMPT = "senseAttempt";
    /** "host:port" of the HTTPS proxy the check's request went through (set and read in Java only), absent: direct. */
    public static final String PROXY = "senseProxy";
    /** Boolean the check route's loop reads: true when the interpreter wants another request. */
    public static final String AGAIN = "senseAgain";
    /** The Definition a result belongs to (inventory, sinks and alerts routes). */
    public static final String DEFINITION = "senseDefinition";
    /** Where a result comes from: inbox or inventory (sinks route). */
    public static final String SOURCE = "senseSource";

    /** The InboxJob of the inbox file the exchange carries (inbox routes). */
    public static final String INBOX_JOB = "senseInboxJob";
    /** The folder the file consumer moves a claimed inbox file into once its report is written (.done or .error). */
    public static final String INBOX_FOLDER = "senseInboxFolder";

    /** The id of the destination an alert route sends to (email, slack, teams, webhook). */
    public static final String ALERT_DESTINATION = "alertDestination";
    /** How many retries the alert route's error handler grants the message: all for a new one, none for a replay. */
    public static final String ALERT_RETRIES = "alertRetries";

    private ExchangeProperties() {
    }
}

package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.definition.Definition;
import java.util.Map;

/**
 * One kind of Sense call: where it goes and what a good answer holds. The check route runs any of them;
 * more (engine health, proxy sessions, Cloud tenant) plug in here.
 */
public interface SenseCheck {

    /** The result's {@code check} field, e.g. {@code qrs-about}. */
    String id();

    /** Path of the request, including the virtual proxy prefix when there is one. */
    String path(Definition definition);

    /** QRS and QPS calls need the xrfkey in query and header. */
    boolean usesXrfkey();

    /** The {@code sense} fields of the result; throws {@link BadResponseException} when the answer is not Sense's. */
    Map<String, Object> interpret(JsonNode body) throws BadResponseException;

    /** The one-sentence success message. */
    String okMessage(Definition definition, Map<String, Object> sense);
}

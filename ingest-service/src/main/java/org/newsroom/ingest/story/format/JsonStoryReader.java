package org.newsroom.ingest.story.format;

import org.newsroom.ingest.story.StoryRequest;
import org.newsroom.ingest.story.StoryUnreadableException;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a native JSON story from the raw body bytes. The body is decoded here rather than by a
 * WebFlux codec because the signature must be checked over exactly these bytes first. A field the
 * story does not have is refused, naming it: a misspelled {@code "embargo"} ignored would publish
 * an embargoed story at once. Text that looks like HTML (partners paste CMS output) is reduced to
 * its plain text by the validator, as for every format.
 */
@Component
public class JsonStoryReader {

    private final JsonMapper jsonMapper;

    JsonStoryReader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** @throws StoryUnreadableException if the body is empty or not a JSON story object */
    public StoryRequest read(byte[] body) {
        if (body.length == 0) {
            throw StoryUnreadableException.missingBody();
        }
        StoryRequest request;
        try {
            request = jsonMapper.readerFor(StoryRequest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        }
        catch (JacksonException e) {
            throw StoryUnreadableException.malformed(e);
        }
        if (request == null) {
            throw StoryUnreadableException.notAnObject();
        }
        return request;
    }
}

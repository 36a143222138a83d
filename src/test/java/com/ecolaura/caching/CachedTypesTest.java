package com.ecolaura.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ecolaura.caching.codec.CacheJson;
import com.ecolaura.caching.codec.CachedTypes;
import com.ecolaura.caching.codec.RejectedEntryException;
import com.ecolaura.caching.codec.StoredValue;
import com.ecolaura.caching.entity.CacheEntry;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedTypesTest {

    /** Like the JSR-107 TCK's {@code Blog}: no default constructor, no setters, no parameter names. */
    public static final class Note implements Serializable {
        private String title;
        private String body;

        public Note(String title, String body) {
            this.title = title;
            this.body = body;
        }

        public String getTitle() {
            return title;
        }

        public String getBody() {
            return body;
        }
    }

    /** The same shape, but it never agreed to be made without its constructor. */
    public static final class Unserializable {
        private final String title;

        public Unserializable(String title) {
            this.title = title;
        }

        public String getTitle() {
            return title;
        }
    }

    public record Tag(String name) {}

    public record Label(String name) {}

    @Test
    void aSerializableValueWithoutADefaultConstructorComesBack() {
        var stored = new StoredValue(StoredValue.encoded(new CacheEntry(new Note("t", "b"), 1, 2, 3)));
        var note = (Note) stored.as(CacheJson.MAPPER.constructType(Note.class)).value();
        assertEquals("t", note.getTitle());
        assertEquals("b", note.getBody());
    }

    @Test
    void aClassThatIsNotSerializableIsNotMadeWithoutItsConstructor() {
        var stored = new StoredValue(StoredValue.encoded(new CacheEntry(new Unserializable("t"), 1, 2, 3)));
        assertThrows(
                RejectedEntryException.class, () -> stored.as(CacheJson.MAPPER.constructType(Unserializable.class)));
    }

    @Test
    void theJCacheApiGetsValuesOfRegisteredTypesAndEnvelopesOtherwise() throws Exception {
        CachedTypes.register(CacheJson.MAPPER.constructType(Tag.class));
        var tag = new StoredValue(StoredValue.encode(new Tag("bamboo")));
        assertEquals(new Tag("bamboo"), CachedTypes.decoded(tag));

        var label = new StoredValue(StoredValue.encode(new Label("x")));
        assertInstanceOf(StoredValue.class, CachedTypes.decoded(label), "never registered");

        var types = CacheJson.MAPPER.getTypeFactory();
        CachedTypes.register(types.constructCollectionType(List.class, Tag.class));
        CachedTypes.register(types.constructCollectionType(List.class, Label.class));
        var list = new StoredValue(StoredValue.encode(List.of(new Tag("a"))));
        assertInstanceOf(StoredValue.class, CachedTypes.decoded(list), "two kinds of List: left to the reader");
    }
}

package com.ecolaura.problems;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.problems.entity.Words;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Words(maxLength = 5, pattern = "[a-z]+")
    List<String> sample;

    final Words.Validator validator = validator();

    @Test
    void acceptsShortWordsOfThePatternAndNoList() {
        assertTrue(validator.isValid(List.of("cork", "hemp"), null));
        assertTrue(validator.isValid(List.of(), null));
        assertTrue(validator.isValid(null, null));
    }

    @Test
    void rejectsBlankLongNullAndForeignWords() {
        assertFalse(validator.isValid(List.of(" "), null));
        assertFalse(validator.isValid(List.of("bamboo"), null));
        assertFalse(validator.isValid(Arrays.asList("cork", null), null));
        assertFalse(validator.isValid(List.of("Cork"), null));
    }

    private Words.Validator validator() {
        try {
            var words = WordsTest.class.getDeclaredField("sample").getAnnotation(Words.class);
            var created = new Words.Validator();
            created.initialize(words);
            return created;
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}

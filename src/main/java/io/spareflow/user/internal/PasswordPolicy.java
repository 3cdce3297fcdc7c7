package io.spareflow.user.internal;

import io.spareflow.common.Message;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The rules a new password must meet (Passay): 12 to 128 characters, not containing the user name (also reversed),
 * and not one of the common passwords of {@code spareflow.security.common-passwords} (one a line, case ignored).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final PasswordValidator validator;

    PasswordPolicy(@Value("${spareflow.security.common-passwords:classpath:security/common-passwords.txt}") Resource list) throws IOException {
        ArrayWordList words;
        try (Reader reader = new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8)) {
            words = WordLists.createFromReader(new Reader[] {reader}, false, new ArraysSort());
        }
        DictionaryRule common = new DictionaryRule(new WordListDictionary(words));
        common.setMatchBackwards(true);
        this.validator = new PasswordValidator(new LengthRule(MIN_LENGTH, MAX_LENGTH), new UsernameRule(true, true), common);
    }

    /** What is wrong with {@code password} for {@code username}, in the reader's language; empty when it is fine. */
    public List<Message> problems(String username, String password) {
        RuleResult result = validator.validate(new PasswordData(username == null ? "" : username, password == null ? "" : password));
        LinkedHashSet<Message> problems = new LinkedHashSet<>();
        result.getDetails().forEach(d -> problems.add(Message.of("people.password.rule." + d.getErrorCode(), MIN_LENGTH, MAX_LENGTH)));
        return List.copyOf(problems);
    }
}

package io.spareflow.repair.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A full-text index (Apache Lucene, in memory) of the symptoms and findings of completed repairs, in Chinese
 * (SmartChineseAnalyzer: word segmentation) and English (EnglishAnalyzer: stop words, stemming). Built when the
 * service starts; before each search it takes in the repairs completed since its last look, so a repair result
 * recorded on any node is found on every node.
 */
@Component
class ExperienceIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String PART = "part";
    private static final String CHINESE = "zh";
    private static final String ENGLISH = "en";
    /** A repair completed a moment before the last look may commit after it: look back this far again. */
    private static final Duration COMMIT_LAG = Duration.ofMinutes(10);
    /** Share of the symptom's words a past repair must share to count as similar. */
    private static final double MIN_SHARED_WORDS = 0.4;

    private final RepairOrderRepository orders;
    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
            Map.of(CHINESE, new SmartChineseAnalyzer(), ENGLISH, new EnglishAnalyzer()));
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private Instant lastLook;
    /** The repairs indexed that the next look-back can find again, by id, with when each was completed. */
    private final Map<Long, Instant> indexedSince = new HashMap<>();

    ExperienceIndex(RepairOrderRepository orders) throws IOException {
        this.orders = orders;
        this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Builds the index once the service has started, so the first search is not the one to pay for it; on a thread of
     * its own, so the start (and the job executor, which starts after the ready listeners) does not wait for Lucene
     * and its Chinese dictionary to load. A search that comes first waits for the build ({@link #catchUp} holds the lock).
     */
    @EventListener(ApplicationReadyEvent.class)
    void build() {
        Thread builder = new Thread(this::catchUp, "experience-index");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * The ids of the completed repairs of {@code partNumber} whose symptom or finding is similar to {@code symptom},
     * most similar first, at most {@code limit}. A symptom with Chinese in it is read as Chinese, else as English.
     */
    List<Long> similar(String partNumber, String symptom, int limit) {
        catchUp();
        boolean chinese = symptom.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String field = chinese ? CHINESE : ENGLISH;
        Set<String> words = terms(field, symptom);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder anyWords = new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch((int) Math.ceil(words.size() * MIN_SHARED_WORDS));
        words.forEach(word -> anyWords.add(new TermQuery(new Term(field, word)), Occur.SHOULD));
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PART, partNumber)), Occur.FILTER)
                .add(anyWords.build(), Occur.MUST)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).getField(ID).numericValue().longValue());
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the experience index could not be searched", e);
        }
    }

    /**
     * Takes in the repairs completed since the last look (all of them the first time). Those the look-back finds again
     * are not indexed again: each search used to re-analyse and re-index every repair of the last ten minutes.
     */
    synchronized void catchUp() {
        Instant now = Instant.now();
        Instant since = lastLook == null ? Instant.EPOCH : lastLook.minus(COMMIT_LAG);
        List<PastRepair> completed = orders.findPastRepairsCompletedSince(since);
        indexedSince.values().removeIf(completedAt -> completedAt.isBefore(since));
        try {
            boolean added = false;
            for (PastRepair repair : completed) {
                if (indexedSince.putIfAbsent(repair.id(), repair.completedAt()) == null) {
                    writer.updateDocument(new Term(ID + "-key", Long.toString(repair.id())), document(repair));
                    added = true;
                }
            }
            if (added) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the experience index could not take in repair results", e);
        }
        lastLook = now;
    }

    private static Document document(PastRepair repair) {
        String text = (repair.symptom() == null ? "" : repair.symptom()) + "\n" + repair.finding();
        Document doc = new Document();
        doc.add(new StringField(ID + "-key", Long.toString(repair.id()), Field.Store.NO));
        doc.add(new StoredField(ID, repair.id()));
        doc.add(new StringField(PART, repair.partNumber(), Field.Store.NO));
        doc.add(new TextField(CHINESE, text, Field.Store.NO));
        doc.add(new TextField(ENGLISH, text, Field.Store.NO));
        return doc;
    }

    /** The distinct words of {@code text} as the field's analyzer reads them (segmented, stemmed, no stop words). */
    private Set<String> terms(String field, String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        analyzer.close();
    }
}

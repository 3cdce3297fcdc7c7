package io.spareflow.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsListsAndLinksBecomeReadableText() {
        String text = HtmlText.toText("""
                <html><head><title>T</title><style>p {color: red}</style></head><body>
                <p>Case <strong>RMA-2026-000001</strong> is&nbsp;open.</p><ul><li>one</li><li>two</li></ul>
                <p>Track: <a href="https://x.example/track/abc">your return</a>, mail
                <a href="mailto:li.wei@spareflow.local">li.wei@spareflow.local</a>,
                <a href="https://x.example/">https://x.example/</a></p><script>alert(1)</script><!-- hidden -->
                </body></html>""");

        assertThat(text).isEqualTo("""
                Case RMA-2026-000001 is open.

                - one
                - two

                Track: your return <https://x.example/track/abc>, mail li.wei@spareflow.local, https://x.example/
                """);
    }

    @Test
    void craftedHtmlIsConvertedInLinearTime() {
        // Each of these took the former regular expressions quadratic time (minutes for these sizes).
        String unclosedComments = "<!--".repeat(200_000);
        String unclosedAnchors = "<a href=\"x\" ".repeat(100_000);
        String nestedAnchors = "<a href=\"x\">".repeat(50_000) + "text";

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            HtmlText.toText(unclosedComments);
            HtmlText.toText(unclosedAnchors);
            assertThat(HtmlText.toText(nestedAnchors)).contains("text");
        });
    }
}

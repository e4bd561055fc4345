// A collection as a printable A5 booklet (docs/collections.md): cover, introduction, contents,
// one story per page with its byline and month, then the licence and citation. It is made from
// the same CollectionView as the web page, so it carries nothing the page does not. The font is
// Atkinson Hyperlegible, embedded from its npm package: nothing is fetched over the network.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";

import type * as ReactPdfModule from "@react-pdf/renderer";
import { LRUCache } from "lru-cache";

import type { CollectionView } from "~/domain/collections/collections";

const require = createRequire(import.meta.url);
const FAMILY = "Atkinson Hyperlegible";

type ReactPdf = typeof ReactPdfModule;
type LayOut = (view: CollectionView) => Promise<Buffer>;

// The PDF stack (react-pdf, its font engine and layout engine) weighs about 40 MB in every
// process, so it is loaded when the first booklet is asked for, not when the app starts.
let layOut: Promise<LayOut> | undefined;
function loadLayOut(): Promise<LayOut> {
  layOut ??= import("@react-pdf/renderer").then(bookletLayOut);
  return layOut;
}

function bookletLayOut(pdf: ReactPdf): LayOut {
  const { Document, Font, Link, Page, StyleSheet, Text, View } = pdf;
  const fontDir = path.dirname(require.resolve("@expo-google-fonts/atkinson-hyperlegible/package.json"));
  Font.register({
    family: FAMILY,
    fonts: [
      { src: path.join(fontDir, "400Regular", "AtkinsonHyperlegible_400Regular.ttf") },
      {
        src: path.join(fontDir, "400Regular_Italic", "AtkinsonHyperlegible_400Regular_Italic.ttf"),
        fontStyle: "italic",
      },
      { src: path.join(fontDir, "700Bold", "AtkinsonHyperlegible_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Whole words on a line: no hyphens invented in people's words.
  Font.registerHyphenationCallback((word) => [word]);

  const styles = StyleSheet.create({
    page: { fontFamily: FAMILY, fontSize: 10.5, lineHeight: 1.45, padding: "18mm 15mm 20mm", color: "#1b1b1b" },
    cover: { fontFamily: FAMILY, padding: "30mm 15mm", backgroundColor: "#f3efe6", color: "#1b1b1b" },
    coverTitle: { fontSize: 26, fontWeight: 700, lineHeight: 1.2, marginBottom: 12 },
    coverLine: { fontSize: 12, marginBottom: 6 },
    heading: { fontSize: 16, fontWeight: 700, marginBottom: 10 },
    storyTitle: { fontSize: 15, fontWeight: 700, lineHeight: 1.25, marginBottom: 4 },
    byline: { fontSize: 10, fontStyle: "italic", marginBottom: 10, color: "#444" },
    paragraph: { marginBottom: 6 },
    contentsItem: { marginBottom: 6, color: "#1b1b1b", textDecoration: "none" },
    footer: { position: "absolute", bottom: "9mm", left: "15mm", right: "15mm", fontSize: 8.5, color: "#555" },
  });

  function Paragraphs({ text }: { text: string }) {
    return (
      <>
        {text
          .split("\n")
          .filter((line) => line.trim())
          .map((line, index) => (
            <Text key={index} style={styles.paragraph}>
              {line}
            </Text>
          ))}
      </>
    );
  }

  function Footer({ title }: { title: string }) {
    return (
      <Text
        style={styles.footer}
        fixed
        render={({ pageNumber, totalPages }) => `${title} · Fifth Option · page ${pageNumber} of ${totalPages}`}
      />
    );
  }

  function Booklet({ view }: { view: CollectionView }) {
    // The file's own dates are the collection's month too: never when it was laid out.
    const month = new Date(`${view.monthIso}-01T00:00:00Z`);
    return (
      <Document
        title={view.title}
        author="Fifth Option"
        subject="A collection of stories"
        creator="Fifth Option"
        producer="Fifth Option"
        language="en-GB"
        creationDate={month}
        modificationDate={month}
      >
        <Page size="A5" style={styles.cover}>
          <Text style={styles.coverTitle}>{view.title}</Text>
          <Text style={styles.coverLine}>Stories from Fifth Option</Text>
          <Text style={styles.coverLine}>{view.month}</Text>
          <Text style={styles.coverLine}>
            {view.stories.length === 1 ? "1 story" : `${view.stories.length} stories`}, edition {view.version}
          </Text>
        </Page>
        <Page size="A5" style={styles.page}>
          <Text style={styles.heading}>Introduction</Text>
          <Paragraphs text={view.introText} />
          <Footer title={view.title} />
        </Page>
        <Page size="A5" style={styles.page}>
          <Text style={styles.heading}>Contents</Text>
          {view.stories.length === 0 ? <Text>No stories yet.</Text> : null}
          {view.stories.map((story, index) => (
            <Link key={story.id} src={`#story-${story.id}`} style={styles.contentsItem}>
              {`${index + 1}. ${story.title}, ${story.byline}, ${story.month}`}
            </Link>
          ))}
          <Footer title={view.title} />
        </Page>
        {view.stories.map((story) => (
          <Page key={story.id} size="A5" style={styles.page} wrap>
            <View id={`story-${story.id}`}>
              <Text style={styles.storyTitle}>{story.title}</Text>
              <Text style={styles.byline}>{`${story.byline} · ${story.month}`}</Text>
            </View>
            <Paragraphs text={story.text} />
            <Footer title={view.title} />
          </Page>
        ))}
        <Page size="A5" style={styles.page}>
          <Text style={styles.heading}>Licence and citation</Text>
          <Text style={styles.paragraph}>{view.licence}</Text>
          <Text style={styles.paragraph}>How to cite this collection:</Text>
          <Text style={styles.paragraph}>{view.citation}</Text>
          <Text style={styles.paragraph}>
            Every story here is shared with its author’s agreement. An author can withdraw at any time; the copy at{" "}
            {view.url} is always the current one.
          </Text>
          <Footer title={view.title} />
        </Page>
      </Document>
    );
  }

  return (view) => pdf.renderToBuffer(<Booklet view={view} />);
}

// Booklets kept by what they contain: a new edition, an author's answer or a removed story changes
// the content and so makes a new one; an unchanged collection is not laid out twice.
const kept = new LRUCache<string, Buffer>({ max: 16, maxSize: 64 * 1024 * 1024, sizeCalculation: (pdf) => pdf.length });

export function bookletKey(view: CollectionView): string {
  return createHash("sha256").update(JSON.stringify(view)).digest("hex");
}

/** The booklet's PDF bytes, laid out on request and kept per version of its content. */
export async function bookletPdf(view: CollectionView): Promise<Buffer> {
  const key = bookletKey(view);
  const found = kept.get(key);
  if (found) return found;
  const pdf = await (await loadLayOut())(view);
  kept.set(key, pdf);
  return pdf;
}

/** Laid out afresh, without the cache: for the benchmark. */
export async function renderBooklet(view: CollectionView): Promise<Buffer> {
  return (await loadLayOut())(view);
}

package dev.annals.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders collapsed stacks ({@code frame;frame;frame count} per line) as a static SVG flame graph. */
public final class FlameSvg {
    private static final int WIDTH = 1800;
    private static final int ROW = 16;
    private static final double MIN_WIDTH = 1.0;

    /** A frame and its callees, with the samples of every stack through it. */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        long samples;
    }

    private FlameSvg() {}

    /** {@code FlameSvg <in.collapsed> <out.svg> [title]}: converts a collapsed-stacks file by hand. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Path.of(args[1]), args.length > 2 ? args[2] : args[0]);
    }

    static void write(Path collapsed, Path svg, String title) throws IOException {
        Node root = new Node();
        for (String line : Files.readAllLines(collapsed, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1).trim());
            String[] frames = line.substring(0, space).split(";");
            Node node = root;
            root.samples += count;
            for (String f : frames) {
                node = node.children.computeIfAbsent(f, k -> new Node());
                node.samples += count;
            }
        }
        double scale = root.samples == 0 ? 0 : (double) (WIDTH - 20) / root.samples;
        int height = (visibleDepth(root, scale) + 3) * ROW;
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" standalone=\"no\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"monospace\" font-size=\"11\">\n")
                .append(
                        "<rect width=\"100%\" height=\"100%\" fill=\"#f8f8f8\"/>\n<text x=\"8\" y=\"14\" font-size=\"13\">")
                .append(escape(title + " - " + root.samples + " samples"))
                .append("</text>\n");
        render(out, root, 10, height - 2 * ROW, scale, root.samples);
        out.append("</svg>\n");
        Files.writeString(svg, out, StandardCharsets.UTF_8);
    }

    /** Rows of frames wide enough to be drawn. */
    private static int visibleDepth(Node node, double scale) {
        int depth = 0;
        for (Node child : node.children.values()) {
            if (child.samples * scale >= MIN_WIDTH) {
                depth = Math.max(depth, 1 + visibleDepth(child, scale));
            }
        }
        return depth;
    }

    private static void render(StringBuilder out, Node node, double x, int y, double scale, long total) {
        double cx = x;
        for (Map.Entry<String, Node> e : node.children.entrySet()) {
            Node child = e.getValue();
            double w = child.samples * scale;
            if (w >= MIN_WIDTH) {
                String name = e.getKey();
                out.append("<g><title>")
                        .append(escape(name))
                        .append(" (")
                        .append(child.samples)
                        .append(" samples, ")
                        .append(String.format("%.2f", 100.0 * child.samples / total))
                        .append("%)</title><rect x=\"")
                        .append(String.format("%.1f", cx))
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"")
                        .append(String.format("%.1f", w))
                        .append("\" height=\"")
                        .append(ROW - 1)
                        .append("\" fill=\"")
                        .append(color(name))
                        .append("\"/>");
                int chars = (int) (w / 7);
                if (chars > 3) {
                    String label = name.length() > chars ? name.substring(0, chars - 2) + ".." : name;
                    out.append("<text x=\"")
                            .append(String.format("%.1f", cx + 2))
                            .append("\" y=\"")
                            .append(y + ROW - 4)
                            .append("\">")
                            .append(escape(label))
                            .append("</text>");
                }
                out.append("</g>\n");
                render(out, child, cx, y - ROW, scale, total);
            }
            cx += w;
        }
    }

    /** Java frames green, native and kernel frames orange/red, like async-profiler's own palette. */
    private static String color(String frame) {
        int h = Math.abs(frame.hashCode());
        if (frame.endsWith("_[j]") || frame.contains(".") || frame.contains("/")) {
            return "rgb(" + (50 + h % 60) + "," + (170 + h % 60) + "," + (50 + h % 40) + ")";
        }
        if (frame.endsWith("_[k]")) {
            return "rgb(" + (210 + h % 40) + "," + (120 + h % 60) + ",40)";
        }
        return "rgb(" + (220 + h % 30) + "," + (80 + h % 80) + "," + (60 + h % 40) + ")";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

public enum _MarkdownPlaceholder {}

//! Numbers in text: Arabic, full-width, Chinese and mixed.

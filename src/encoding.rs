//! Bytes to text: UTF-8 (with or without a byte-order mark), GB18030 with its
//! subsets GBK and GB2312, Big5, or any encoding the caller names.
//!
//! Scraped pages arrive in whatever encoding their site used. [`decode`] reads
//! them in this order:
//!
//! 1. a caller-named encoding (a WHATWG label: `"utf-8"`, `"gbk"`,
//!    `"gb18030"`, `"gb2312"`, `"big5"`, …) is used as is; a byte-order mark
//!    of that same encoding is dropped;
//! 2. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides;
//! 3. valid UTF-8 is UTF-8;
//! 4. otherwise the bytes are GB18030 or Big5, whichever the detector
//!    (`chardetng`, Firefox's) finds likelier, falling back to the other when
//!    the likelier one does not fit.
//!
//! Decoding is strict: a byte sequence the encoding does not define is an
//! [`Error::Undecodable`] naming its offset, never a silent `U+FFFD`. Spans
//! of a notice parsed from bytes index the decoded text, which
//! [`DecodedNotice::text`] hands back.
//!
//! ```
//! use govnotice::encoding::decode;
//!
//! // "宝山区" in GBK.
//! let gbk = b"\xb1\xa6\xc9\xbd\xc7\xf8";
//! assert_eq!(decode(gbk, None)?.text, "宝山区");
//! assert_eq!(decode(gbk, Some("gbk"))?.encoding, "GBK");
//! assert_eq!(decode("\u{feff}宝山".as_bytes(), None)?.text, "宝山");
//! # Ok::<(), govnotice::Error>(())
//! ```

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, UTF_8};

use crate::error::Error;
use crate::notice::{Notice, Parser};

/// Text decoded from bytes, and the encoding it was decoded as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, byte-order mark removed. Borrowed when the bytes were
    /// UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding's WHATWG name: `"UTF-8"`, `"gb18030"`, `"GBK"`,
    /// `"Big5"`, …
    pub encoding: &'static str,
}

/// A notice parsed from bytes: the decoded text its spans index, the
/// encoding, and the notice.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedNotice<'a> {
    /// The decoded text; every span of [`DecodedNotice::notice`] indexes it.
    pub text: Cow<'a, str>,
    /// The encoding the bytes were decoded as (see [`Decoded::encoding`]).
    pub encoding: &'static str,
    /// The notice read from the text.
    pub notice: Notice,
}

/// Decodes `bytes`, as `encoding` when given (a WHATWG label, such as
/// `"gbk"`), else by byte-order mark, UTF-8 validity and detection between
/// GB18030 and Big5.
///
/// # Errors
/// - [`Error::UnknownEncoding`] when `encoding` is no encoding's label;
/// - [`Error::Undecodable`] when the bytes are not valid in the named
///   encoding, or (detecting) in GB18030 nor in Big5; it names the
///   encoding tried first and the offset of its first bad byte.
pub fn decode<'a>(bytes: &'a [u8], encoding: Option<&str>) -> Result<Decoded<'a>, Error> {
    if let Some(label) = encoding {
        // The replacement encoding stands for labels (iso-2022-kr, …) that
        // must never decode to text; asking for one is an unknown label here.
        let named = Encoding::for_label_no_replacement(label.as_bytes()).ok_or_else(|| {
            Error::UnknownEncoding {
                label: label.to_owned(),
            }
        })?;
        let bom = match Encoding::for_bom(bytes) {
            Some((marked, len)) if marked == named => len,
            _ => 0,
        };
        return strict(named, bytes, bom);
    }
    if let Some((marked, len)) = Encoding::for_bom(bytes) {
        return strict(marked, bytes, len);
    }
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: UTF_8.name(),
            })
        }
        Err(e) => e,
    };
    if utf8.error_len().is_none() {
        // Valid UTF-8 cut inside its last character (a scraper's byte
        // limit): other encodings would decode it, as mojibake.
        return Err(Error::Undecodable {
            encoding: UTF_8.name(),
            offset: utf8.valid_up_to(),
        });
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let (likelier, other) = if detector.guess(None, Utf8Detection::Deny) == BIG5 {
        (BIG5, GB18030)
    } else {
        (GB18030, BIG5)
    };
    strict(likelier, bytes, 0).or_else(|error| strict(other, bytes, 0).map_err(|_| error))
}

/// Decodes `bytes[skip..]` as `encoding`, failing at the first malformed
/// sequence. Offsets in the error count the skipped bytes.
fn strict<'a>(
    encoding: &'static Encoding,
    bytes: &'a [u8],
    skip: usize,
) -> Result<Decoded<'a>, Error> {
    let body = &bytes[skip..];
    let undecodable = |offset: usize| Error::Undecodable {
        encoding: encoding.name(),
        offset,
    };
    if encoding == UTF_8 {
        return std::str::from_utf8(body)
            .map(|text| Decoded {
                text: Cow::Borrowed(text),
                encoding: encoding.name(),
            })
            .map_err(|e| undecodable(skip + e.valid_up_to()));
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::new();
    let mut read = 0;
    loop {
        let rest = body.len() - read;
        text.reserve(
            decoder
                .max_utf8_buffer_length_without_replacement(rest)
                .unwrap_or(rest),
        );
        let (result, consumed) =
            decoder.decode_to_string_without_replacement(&body[read..], &mut text, true);
        read += consumed;
        match result {
            DecoderResult::InputEmpty => {
                return Ok(Decoded {
                    text: Cow::Owned(text),
                    encoding: encoding.name(),
                })
            }
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                // `read` is past the malformed sequence and the `after`
                // bytes the decoder consumed behind it.
                let at = read.saturating_sub(usize::from(bad) + usize::from(after));
                return Err(undecodable(skip + at));
            }
        }
    }
}

impl Parser {
    /// Decodes `bytes` (see [`decode`]) and parses the text.
    ///
    /// ```
    /// use govnotice::Parser;
    ///
    /// let gbk = b"\xb1\xa6\xc9\xbd\xc7\xf8\xd0\xc2\xce\xc5\n\n\xd4\xb0\xc7\xf8\xd2\xd1\xc8\xeb\xd7\xa4\xc6\xf3\xd2\xb5420\xd3\xe0\xbc\xd2\xa1\xa3";
    /// let parsed = Parser::new().parse_bytes(gbk, None)?;
    /// assert_eq!(parsed.notice.title.as_deref(), Some("宝山区新闻"));
    /// let figure = &parsed.notice.metrics[0];
    /// assert_eq!(&parsed.text[figure.span.range()], "420余家");
    /// # Ok::<(), govnotice::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`decode`].
    pub fn parse_bytes<'a>(
        &self,
        bytes: &'a [u8],
        encoding: Option<&str>,
    ) -> Result<DecodedNotice<'a>, Error> {
        let decoded = decode(bytes, encoding)?;
        let notice = self.parse(&decoded.text);
        Ok(DecodedNotice {
            text: decoded.text,
            encoding: decoded.encoding,
            notice,
        })
    }
}

/// Decodes `bytes` and parses the text with default settings.
///
/// Equivalent to `Parser::new().parse_bytes(bytes, encoding)`.
///
/// # Errors
/// As [`decode`].
pub fn parse_bytes<'a>(
    bytes: &'a [u8],
    encoding: Option<&str>,
) -> Result<DecodedNotice<'a>, Error> {
    Parser::new().parse_bytes(bytes, encoding)
}

#[cfg(test)]
mod tests {
    use super::decode;
    use crate::error::Error;

    const BAOSHAN: &str = "宝山区发布信息，园区已入驻企业420余家。";

    #[test]
    fn utf8_is_borrowed() {
        let decoded = decode(BAOSHAN.as_bytes(), None).unwrap();
        assert!(matches!(decoded.text, std::borrow::Cow::Borrowed(_)));
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn boms_decide_and_are_dropped() {
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(BAOSHAN.encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&utf16, None).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (BAOSHAN, "UTF-16LE")
        );
        let bom8 = format!("\u{feff}{BAOSHAN}");
        assert_eq!(decode(bom8.as_bytes(), None).unwrap().text, BAOSHAN);
        assert_eq!(
            decode(bom8.as_bytes(), Some("utf-8")).unwrap().text,
            BAOSHAN
        );
    }

    #[test]
    fn detects_gbk_and_big5() {
        let (gbk, _, _) = encoding_rs::GBK.encode(BAOSHAN);
        let decoded = decode(&gbk, None).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (BAOSHAN, "gb18030")
        );

        let traditional = "寶山區發佈資訊，園區已進駐企業420餘家，總產值近300億元。";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        let decoded = decode(&big5, None).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (traditional, "Big5")
        );
    }

    #[test]
    fn errors_name_the_encoding_and_offset() {
        assert_eq!(
            decode(b"ab\xff", None),
            Err(Error::Undecodable {
                encoding: "gb18030",
                offset: 2
            })
        );
        assert_eq!(
            decode("宝山".as_bytes(), Some("gbk")).map(|d| d.text),
            Ok("瀹濆北".into())
        );
        assert_eq!(
            decode(b"\xef\xbb\xbfab\xff", Some("utf-8")),
            Err(Error::Undecodable {
                encoding: "UTF-8",
                offset: 5
            })
        );
        assert_eq!(
            decode(b"\xd6\xd0\xff", Some("gbk")),
            Err(Error::Undecodable {
                encoding: "GBK",
                offset: 2
            })
        );
        // UTF-8 cut inside its last character.
        assert_eq!(
            decode(&"宝山".as_bytes()[..5], None),
            Err(Error::Undecodable {
                encoding: "UTF-8",
                offset: 3
            })
        );
        let unknown = decode(b"", Some("klingon")).unwrap_err();
        assert_eq!(
            unknown,
            Error::UnknownEncoding {
                label: "klingon".into()
            }
        );
        assert!(unknown.to_string().contains("\"klingon\""));
        assert!(matches!(
            decode(b"", Some("iso-2022-kr")),
            Err(Error::UnknownEncoding { .. })
        ));
    }
}

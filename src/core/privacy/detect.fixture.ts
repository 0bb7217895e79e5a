/**
 * Columns for the detector tests: true positives of every kind, and look-alikes that must not
 * flag (product codes, order ids, version numbers, 16-digit numbers that fail Luhn, signup dates).
 * Cards are the networks' published test numbers; IBANs are the registry's published examples.
 */
export const NOW = Date.UTC(2025, 0, 1);

export const CARDS = ['4111 1111 1111 1111', '5500-0055-5555-5559', '378282246310005', '6011111111111117', '4012 8888 8888 1881', '5105105105105100', '4242-4242-4242-4242', '3530111333300000', '4000056655665556', '5555 5555 5555 4444'];
/** The same numbers with the last digit moved by one: Luhn fails for every one. */
export const NOT_CARDS = CARDS.map((c) => c.slice(0, -1) + String((Number(c.at(-1)) + 1) % 10));
export const IBANS = ['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'ES9121000418450200051332', 'IT60X0542811101000000123456', 'BE68539007547034', 'CH9300762011623852957'];
export const NOT_IBANS = IBANS.map((i) => i.slice(0, 2) + (i.slice(2, 4) === '00' ? '01' : '00') + i.slice(4));

export const EMAILS = ['ana.silva@example.com', 'j.smith+news@mail.example.org', 'li_wei@example.co.uk', 'o.brien@example.ie', 'sam@example.io', 'k.tanaka@example.jp'];
export const PHONES = ['+44 20 7946 0958', '(415) 555-0132', '415-555-0199', '+1 415 555 0100', '07700 900123', '+33 1 23 45 67 89', '+4930123456789', '030/1234567', '01 23 45 67 89'];
export const IPS = ['192.168.1.20', '10.0.0.5', '203.0.113.77', '2001:db8::1', 'fe80::1ff:fe23:4567:890a', '::ffff:192.0.2.128', '198.51.100.14', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'];
export const NAMES = ['Maria Garcia', 'James Smith', "Liam O'Brien", 'Anna Müller', 'Jean-Luc Picard', 'Priya Sharma', 'Wei Zhang', 'Olivia Brown', 'Noah Williams', 'Sofia Rossi'];

export const PRODUCT_CODES = ['SKU-10023', 'SKU-10024', 'AB-778-X', 'ZX-1200', 'PRD-2024-0001', 'HX-00917', 'MK-44-B', 'QW-3310'];
export const ORDER_IDS = ['10023344', '10023345', '10023346', '10023399', '20230001', '20230002', '55501234', '77700123'];
export const VERSIONS = ['1.2.3.4', '1.2.3.5', '2.0.1.0', '2.0.1.1', '3.1.0.12', '1.0.0.1', '4.2.2.2', '1.10.3.0'];
export const COUNTRIES = ['Germany', 'France', 'Spain', 'Italy', 'Japan', 'Brazil', 'Canada', 'India'];
export const DATES_IN_TEXT = ['2024-03-15', '2023-12-01', '2022-07-04', '2021-01-31', '2020-02-29', '2024-06-30'];
/** Unique per row, capitalised, two or three words: titles and companies, not people. */
export const TITLES = ['The Great Gatsby', 'War And Peace', 'Acme Corp', 'Globex Inc', 'North Star Hotel', 'Pride And Prejudice', 'Bank Of Tokyo', 'Initech Ltd', 'The Long Walk', 'City Of Glass'];
